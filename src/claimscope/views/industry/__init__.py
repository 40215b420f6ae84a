"""What the industry chapter shows: tables, sentences built from the model's numbers, and charts.

Nothing here computes the model (claimscope.analysis.market does); every sentence that states a result
is built from the model's output, so it changes when an assumption changes.
"""
