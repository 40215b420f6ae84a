"""The text layer: reading any article (Chinese or English) and finding its signals."""
