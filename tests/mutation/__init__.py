"""Mutation testing of the exercises: how many wrong answers the tests catch.

Mutants are made by mutmut-style operators on the AST of each question's solution
region and graded in-process against that question's visible and hidden test cells.

Example:
    python -m tests.mutation --only 03_clipping/q1   # score one question
    python -m tests.mutation                         # every question; writes the report
"""
