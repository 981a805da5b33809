"""Learned sentence signals: check-worthiness, subjectivity and persuasion techniques."""
