#!/usr/bin/python3
"""Writes the UCI Sentiment Labelled Sentences (npm sentiment 5.0.2's test/fixtures/{amazon,imdb,
yelp}.json, 1,000 labelled sentences each) as an MMSA dataset folder for tests/bench/text_sentences.sh: label.csv with
video_id = source, clip_id = the sentence's index, text, label = +1 (positive) / -1 (negative) for
M and T (A and V 0), and the split: imdb is the test split; amazon and yelp train, every tenth of
their sentences held out as valid for early stopping. Every clip's media is a hard link to one silent
one-second video (the sentences have none; only the text is used).

usage: text_sentences.py FIXTURES_DIR OUT_DIR SILENT_VIDEO"""
import csv
import json
import os
import shutil
import sys


def main():
    fixtures, out = sys.argv[1], sys.argv[2]
    # Hard links to one copy inside the dataset folder: the import refuses links leading outside.
    os.makedirs(out, exist_ok=True)
    video = os.path.join(out, "silent.mp4")
    shutil.copyfile(sys.argv[3], video)
    rows = []
    for source in ("amazon", "yelp", "imdb"):
        path = os.path.join(fixtures, source + ".json")
        with open(path, encoding="utf-8") as f:
            sentences = json.load(f)
        # Each file ends with one empty entry ({"text": "", "class": null}), which is left out.
        sentences = [s for s in sentences if s.get("class") in (0, 1) and s.get("text", "").strip()]
        if len(sentences) != 1000:
            sys.exit(f"{path}: {len(sentences)} labelled sentences, 1000 expected")
        for index, entry in enumerate(sentences):
            label = 1 if entry["class"] == 1 else -1
            mode = "test" if source == "imdb" else ("valid" if index % 10 == 9 else "train")
            text = " ".join(entry["text"].split())
            rows.append([source, str(index), text, label, label, 0, 0,
                         "Positive" if label > 0 else "Negative", mode])
            folder = os.path.join(out, "Raw", source)
            os.makedirs(folder, exist_ok=True)
            link = os.path.join(folder, f"{index}.mp4")
            if not os.path.lexists(link):
                os.link(video, link)
    with open(os.path.join(out, "label.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["video_id", "clip_id", "text", "label", "label_T", "label_A", "label_V", "annotation", "mode"])
        writer.writerows(rows)
    print(f"{len(rows)} sentences into {out}/label.csv")


if __name__ == "__main__":
    main()
