"""Tables, charts and prose blocks: the only code that writes HTML or chart specs.

    fmt        every number a reader sees, as text: fmt.money(2.5e11, "USD") -> "US$250 bn"
    tables     every table: tables.Table(frame, formats={col: fmt.percent}, links={col: ix.column("claim")})
    links      ids as links to their one entry: ix = links.index(article); ix.link("check", id)
    show       what a chapter displays: show.table(Table | DataFrame, caption), show.figure(chart | svg, caption),
               show.quote, show.analysis(text, reasoning, title, ix=ix), show.facts, show.html_block
    charts     the Altair theme, SCALED_LABEL for axes in fmt's words, shared chart builders
    argmap, factcheck, hindsight, appendix, industry: one module per chapter or appendix

A chapter's view module turns an analysis frame into a `tables.Table` (column formats from `fmt`,
link columns from `links`) or a chart whose axes and tooltips use fmt's conventions (format strings in
`fmt.AXIS`, or pre-formatted text fields for tooltips); the notebook only passes it to `show`.
"""
