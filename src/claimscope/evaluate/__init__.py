"""Evaluation of claimscope's parts on public data sets, in their native formats.

Each task reads its data set, runs a system over it and scores the output with the data set's
official metric; ``claimscope eval <task> --data DIR`` prints the result as one JSON object.
"""
