#include "core/demo/sentence_bank.h"

#include "core/common/error.h"
#include "core/demo/demo_resources.h"

#include <QStringList>

namespace sl::demo {

QString polarityName(Polarity polarity)
{
    const char *const names[] = {"negative", "neutral", "positive"};  // in enum order
    return QString::fromLatin1(names[int(polarity)]);
}

Polarity polarityOf(double label)
{
    if (label > 0)
        return Polarity::Positive;
    return label < 0 ? Polarity::Negative : Polarity::Neutral;
}

SentenceBank SentenceBank::parse(const QByteArray &tsv, const QString &fileName)
{
    SentenceBank bank;
    const QList<QByteArray> lines = tsv.split('\n');
    for (int i = 1; i < lines.size(); ++i) {  // line 0 is the header
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList cells = line.split(QLatin1Char('\t'));
        const bool known = cells.size() == 3 && (cells[1] == QLatin1String("0") || cells[1] == QLatin1String("1"));
        if (!known || cells[2].isEmpty())
            throw Error(QStringLiteral("%1:%2: expected 'source<TAB>0|1<TAB>text'").arg(fileName).arg(i + 1));
        QList<Sentence> &pool = cells[1] == QLatin1String("1") ? bank.m_positive : bank.m_negative;
        pool.append({cells[2], QStringLiteral("uci-") + cells[0]});
    }
    if (bank.m_positive.isEmpty() || bank.m_negative.isEmpty())
        throw Error(QStringLiteral("%1: needs both positive and negative sentences").arg(fileName));
    bank.addNeutralTemplates();
    return bank;
}

const SentenceBank &SentenceBank::bundled()
{
    static const SentenceBank bank =
        parse(readDemoResource(QStringLiteral("sentences.tsv")), QStringLiteral(":/demo/sentences.tsv"));
    return bank;
}

const QList<Sentence> &SentenceBank::sentences(Polarity polarity) const
{
    if (polarity == Polarity::Neutral)
        return m_neutral;
    return polarity == Polarity::Positive ? m_positive : m_negative;
}

void SentenceBank::addNeutralTemplates()
{
    // Scheduling facts carry no sentiment and stay short enough to speak in about two seconds.
    const QStringList events = {"meeting", "delivery", "appointment", "inspection", "workshop", "interview"};
    const QStringList days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    const QStringList places = {"office", "library", "station", "town hall", "north entrance", "main building"};
    for (const QString &event : events) {
        for (const QString &day : days) {
            for (const QString &place : places)
                m_neutral.append({QStringLiteral("The %1 is on %2 at the %3.").arg(event, day, place),
                                  QStringLiteral("template")});
        }
    }
}

}  // namespace sl::demo
