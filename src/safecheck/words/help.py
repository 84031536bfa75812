WORDS: dict[str, tuple[str, str]] = {}
