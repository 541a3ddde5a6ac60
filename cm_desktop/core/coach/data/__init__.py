"""The coach's content, kept apart from its logic: ideas, tips, glossary, guides, network texts."""
