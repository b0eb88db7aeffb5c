"""The figures the exercises ask about, computed once per article (or pair of articles), by
the same helpers the notebooks use."""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers.article import Article


class Facts:
    """The figures the exercises ask about, computed once per article (or pair)."""

    def __init__(self, article: Article, other: Article | None = None):
        self.article = article
        self.other = other

    @cached_property
    def counts(self) -> dict:
        from helpers.tokens import counts

        return counts(self.article)

    @cached_property
    def tokens(self) -> list:
        from helpers.tokens import tokens

        return tokens(self.article)

    @cached_property
    def words(self) -> pd.DataFrame:
        from helpers.terms import word_frequencies

        return word_frequencies(self.article, n=10_000)

    @cached_property
    def statements(self) -> pd.DataFrame:
        from helpers.statements import extract_statements

        return extract_statements(self.article)

    @cached_property
    def top(self) -> pd.DataFrame:
        df = self.statements
        return df[~df["nested"].astype(bool)] if len(df) else df

    @cached_property
    def speakers(self) -> list[str]:
        from helpers.speaker_analysis import speaker_order

        return speaker_order(self.statements)

    @cached_property
    def people(self) -> pd.DataFrame:
        from helpers.statements import mentioned_people

        return mentioned_people(self.article)

    @cached_property
    def silent(self) -> pd.DataFrame:
        from helpers.speaker_analysis import unquoted_people

        return unquoted_people(self.people, self.statements, self.article)

    @cached_property
    def shares(self) -> pd.DataFrame:
        from helpers.speaker_analysis import quoted_share

        return quoted_share(self.statements)

    @cached_property
    def terms(self) -> pd.DataFrame:
        from helpers.terms import recurring_terms

        return recurring_terms(self.article)

    @cached_property
    def terms_g2(self) -> pd.DataFrame:
        from helpers.terms import recurring_terms

        return recurring_terms(self.article, rank_by="g2")

    @cached_property
    def comparison(self):
        from helpers.compare import compare_articles

        if self.other is None:
            raise ValueError("this exercise compares two articles: use checker(article, other)")
        return compare_articles(self.article, self.other)
