#pragma once
// Chinese word segmentation with cppjieba (MIT, Yanyi Wu; header-only, used from npm nodejieba's
// copy at build time): its mixed segmenter, a maximum-probability path over the jieba dictionary
// with an HMM for words the dictionary lacks, so "我来到北京清华大学" becomes 我/来到/北京/清华大学.
// The tokeniser asks it to split runs of CJK ideographs when a clip's language is zh.
#include <QString>
#include <QStringList>

#include <memory>

namespace cppjieba {
class MixSegment;
}

namespace sl::language {

class ChineseSegmenter {
public:
    // `dictFolder` holds cppjieba's jieba.dict.utf8, hmm_model.utf8 and user.dict.utf8. Throws
    // sl::Error naming the missing or unreadable file (cppjieba itself would abort the program).
    // Loading takes about a second: keep one and share it (cut() is const and thread-safe).
    explicit ChineseSegmenter(const QString &dictFolder);
    ~ChineseSegmenter();

    // The build's dictionaries (SENTILENS_JIEBA_DICT overrides the folder), loaded once per process.
    static std::shared_ptr<const ChineseSegmenter> standard();

    // Words of `text` in order; their concatenation is `text`.
    QStringList cut(const QString &text) const;

private:
    std::unique_ptr<cppjieba::MixSegment> m_segment;
};

}  // namespace sl::language
