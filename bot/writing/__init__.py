"""Writing: optional answers written by a chat model, kept only where verified.

`chatmodel` builds the model from a LangChain spec (the only importer of ``langchain``),
`writer` asks it to write from the cited sentences, `verification` (pure code) keeps only
sentences whose quotes and facts the citations hold. Importing the package imports neither
LangChain nor the prompts: an answer without a model never pays for them.
"""
