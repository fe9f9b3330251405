#pragma once
// The transcripts a demo clip can speak: real labelled sentences (UCI Sentiment Labelled
// Sentences, bundled as sentences.tsv) for positive and negative words, and templated
// matter-of-fact sentences for neutral words.
#include <QByteArray>
#include <QList>
#include <QString>

namespace sl::demo {

enum class Polarity { Negative, Neutral, Positive };

QString polarityName(Polarity polarity);  // "negative", "neutral", "positive"
Polarity polarityOf(double label);

struct Sentence {
    QString text;
    QString source;  // "uci-<corpus>" or "template"
};

class SentenceBank {
public:
    // Parses "source<TAB>class<TAB>text" lines after a header line; class 1 is positive, 0 negative.
    // Throws sl::Error naming fileName and the line of the first malformed row.
    static SentenceBank parse(const QByteArray &tsv, const QString &fileName);

    // The bank built from the bundled sentences.tsv, parsed once.
    static const SentenceBank &bundled();

    const QList<Sentence> &sentences(Polarity polarity) const;

private:
    void addNeutralTemplates();

    QList<Sentence> m_negative, m_neutral, m_positive;
};

}  // namespace sl::demo
