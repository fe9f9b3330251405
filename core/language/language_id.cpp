#include "core/language/language_id.h"

#include "core/common/error.h"

#include <QMap>
#include <QRegularExpression>
#include <algorithm>
#include <memory>
#include <mutex>
#include <sstream>

#ifdef SENTILENS_HAVE_FASTTEXT
#include <fasttext/fasttext.h>
#include <QFile>
#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>
#endif

namespace sl::language {

namespace {

// Scripts that name one language (as far as film and interview clips go). Han without kana is
// taken as Chinese: Japanese text almost always carries kana.
QString languageOfScript(QChar::Script script, bool hasKana)
{
    switch (script) {
    case QChar::Script_Han: return hasKana ? QStringLiteral("ja") : QStringLiteral("zh");
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana: return QStringLiteral("ja");
    case QChar::Script_Hangul: return QStringLiteral("ko");
    case QChar::Script_Thai: return QStringLiteral("th");
    case QChar::Script_Greek: return QStringLiteral("el");
    case QChar::Script_Hebrew: return QStringLiteral("he");
    case QChar::Script_Georgian: return QStringLiteral("ka");
    case QChar::Script_Armenian: return QStringLiteral("hy");
    default: return {};
    }
}

#ifdef SENTILENS_HAVE_FASTTEXT
// The model is loaded once, on first use (about 0.1 s); a model that fails to load is reported as
// unavailable rather than thrown at every caller.
struct FastTextModel {
    std::mutex mutex;
    std::unique_ptr<fasttext::FastText> model;
};

FastTextModel &fastTextModel()
{
    static FastTextModel instance;
    static std::once_flag loaded;
    std::call_once(loaded, [] {
        // The environment's choice, else the installed copy beside the program (a package puts it
        // in <prefix>/share/sentilens), else the one the build found.
        QStringList candidates;
        if (const QString chosen = qEnvironmentVariable("SENTILENS_LID_MODEL"); !chosen.isEmpty())
            candidates << chosen;
        if (QCoreApplication::instance())
            candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/sentilens/lid.176.ftz");
        candidates << QStringLiteral(SENTILENS_LID_MODEL_PATH);
        QString path;
        for (const QString &candidate : candidates)
            if (QFileInfo(candidate).isFile()) {
                path = candidate;
                break;
            }
        if (path.isEmpty())
            return;
        auto model = std::make_unique<fasttext::FastText>();
        try {
            model->loadModel(QFile::encodeName(path).toStdString());
            instance.model = std::move(model);
        } catch (const std::exception &) {
            // An unreadable or foreign file: language identification falls back to the script.
        }
    });
    return instance;
}

LanguageGuess askFastText(const QString &text)
{
    FastTextModel &ft = fastTextModel();
    if (!ft.model)
        return {};
    // fastText reads one line; its labels are "__label__en".
    QString line = text.simplified();
    std::istringstream in(line.toStdString() + "\n");
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    {
        const std::lock_guard lock(ft.mutex);
        ft.model->predictLine(in, predictions, 1, 0.0f);
    }
    if (predictions.empty())
        return {};
    QString label = QString::fromStdString(predictions.front().second);
    label.remove(QStringLiteral("__label__"));
    return {normalizeLanguageCode(label), std::clamp(double(predictions.front().first), 0.0, 1.0),
            QStringLiteral("fasttext")};
}
#endif

}  // namespace

bool languageModelAvailable()
{
#ifdef SENTILENS_HAVE_FASTTEXT
    return fastTextModel().model != nullptr;
#else
    return false;
#endif
}

LanguageGuess identifyLanguage(const QString &text)
{
    QMap<QChar::Script, int> letters;
    int total = 0;
    for (const uint codePoint : text.toUcs4()) {
        if (!QChar::isLetter(codePoint))
            continue;
        ++letters[QChar::script(codePoint)];
        ++total;
    }
    if (total == 0)
        return {};
    const bool hasKana = letters.contains(QChar::Script_Hiragana) || letters.contains(QChar::Script_Katakana);
    // Kana and Han together are Japanese: count them as one script.
    if (hasKana) {
        const int japanese = letters.take(QChar::Script_Han) + letters.take(QChar::Script_Hiragana)
            + letters.take(QChar::Script_Katakana);
        letters[QChar::Script_Hiragana] = japanese;
    }
    const auto dominant = std::max_element(letters.constKeyValueBegin(), letters.constKeyValueEnd(),
                                           [](const auto &a, const auto &b) { return a.second < b.second; });
    const QChar::Script script = (*dominant).first;
    const double share = double((*dominant).second) / total;
    const QString byScript = languageOfScript(script, hasKana);
    if (!byScript.isEmpty())
        return {byScript, share, QStringLiteral("script")};
#ifdef SENTILENS_HAVE_FASTTEXT
    return askFastText(text);
#else
    return {};
#endif
}

QString normalizeLanguageCode(const QString &code)
{
    static const QRegularExpression pattern(QStringLiteral("^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$"));
    const QRegularExpressionMatch match = pattern.match(code.trimmed());
    if (!match.hasMatch())
        throw Error(QStringLiteral("'%1' is not a language code (expected an ISO 639 code such as en or zh)").arg(code));
    return match.captured(1).toLower();
}

}  // namespace sl::language
