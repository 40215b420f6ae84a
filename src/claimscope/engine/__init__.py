"""The report engine: reports.toml variants -> validated parameters -> chapters -> HTML and PDF -> output/."""
