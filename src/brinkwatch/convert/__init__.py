"""Converters that turn the field's dictionaries (PETRARCH2/Phoenix) into brinkwatch's own data files."""
