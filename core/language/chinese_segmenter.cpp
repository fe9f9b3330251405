#include "core/language/chinese_segmenter.h"

#include "core/common/error.h"
#include "core/language/data_location.h"

#include <QFile>

#include <cppjieba/MixSegment.hpp>

#include <mutex>

namespace sl::language {

namespace {

std::string checkedDictFile(const QString &folder, const char *name)
{
    const QString path = folder + QLatin1Char('/') + QLatin1String(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot read the Chinese segmentation dictionary: %2").arg(path, file.errorString()));
    return QFile::encodeName(path).toStdString();
}

}  // namespace

ChineseSegmenter::ChineseSegmenter(const QString &dictFolder)
{
    const std::string dict = checkedDictFile(dictFolder, "jieba.dict.utf8");
    const std::string hmm = checkedDictFile(dictFolder, "hmm_model.utf8");
    const std::string user = checkedDictFile(dictFolder, "user.dict.utf8");
    m_segment = std::make_unique<cppjieba::MixSegment>(dict, hmm, user);
}

ChineseSegmenter::~ChineseSegmenter() = default;

std::shared_ptr<const ChineseSegmenter> ChineseSegmenter::standard()
{
    static std::mutex mutex;
    static std::shared_ptr<const ChineseSegmenter> loaded;
    const std::lock_guard lock(mutex);
    if (!loaded) {
        const QString folder = findLanguageData("SENTILENS_JIEBA_DICT", QStringLiteral("jieba"),
                                                QStringLiteral(SENTILENS_JIEBA_DICT_PATH));
        if (folder.isEmpty())
            throw Error(QStringLiteral("%1: cppjieba's dictionaries are missing (run packaging/install-deps.sh, which "
                                       "fetches npm nodejieba, then rebuild; or set SENTILENS_JIEBA_DICT)")
                            .arg(QStringLiteral(SENTILENS_JIEBA_DICT_PATH)));
        loaded = std::make_shared<const ChineseSegmenter>(folder);
    }
    return loaded;
}

QStringList ChineseSegmenter::cut(const QString &text) const
{
    std::vector<std::string> words;
    m_segment->Cut(text.toStdString(), words, true);
    QStringList result;
    result.reserve(qsizetype(words.size()));
    for (const std::string &word : words)
        result << QString::fromStdString(word);
    return result;
}

}  // namespace sl::language
