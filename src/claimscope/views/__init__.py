"""Tables, charts and prose blocks: the only code that writes HTML or chart specs."""
