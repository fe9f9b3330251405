#include "core/language/timed_tokens.h"

#include <algorithm>

namespace sl::language {

namespace {

void spread(const QList<Token> &tokens, double start, double span, QList<TimedToken> &out)
{
    const double step = tokens.isEmpty() ? 0.0 : span / double(tokens.size());
    for (int i = 0; i < tokens.size(); ++i)
        out.append(TimedToken{tokens[i], start + i * step});
}

}  // namespace

QList<TimedToken> timeTokens(const QString &text, const QList<TimedText> &cues, double durationSeconds,
                             const TokenizerOptions &options)
{
    QList<TimedToken> out;
    if (!cues.isEmpty()) {
        for (const TimedText &cue : cues)
            spread(tokenize(cue.text, options), cue.startSeconds, std::max(0.0, cue.endSeconds - cue.startSeconds), out);
        return out;
    }
    const QList<Token> tokens = tokenize(text, options);
    const double span = durationSeconds > 0 ? durationSeconds : kNominalSecondsPerToken * double(tokens.size());
    spread(tokens, 0.0, span, out);
    return out;
}

}  // namespace sl::language
