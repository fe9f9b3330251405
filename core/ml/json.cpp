#include "core/ml/json.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace sl::ml {

namespace {

[[noreturn]] void wrongType(const char *expected)
{
    throw JsonError(std::string("JSON value is not ") + expected);
}

void appendEscaped(std::string &out, const std::string &text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += c;  // UTF-8 bytes pass through unchanged
            }
        }
    }
    out += '"';
}

void appendNumber(std::string &out, double value)
{
    // JSON has no NaN or infinity; null is what JavaScript writes for them too.
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[32];
    if (value == std::floor(value) && std::abs(value) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
    out += buffer;
}

class Parser {
public:
    explicit Parser(const std::string &text) : text_(text) {}

    Json document()
    {
        Json value = parseValue(0);
        skipSpace();
        if (pos_ != text_.size())
            fail("unexpected text after the value");
        return value;
    }

private:
    [[noreturn]] void fail(const std::string &what) const
    {
        throw JsonError("invalid JSON at offset " + std::to_string(pos_) + ": " + what);
    }

    void skipSpace()
    {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\r' || text_[pos_] == '\t'))
            ++pos_;
    }

    bool consume(const char *word)
    {
        const std::string w(word);
        if (text_.compare(pos_, w.size(), w) != 0)
            return false;
        pos_ += w.size();
        return true;
    }

    Json parseValue(int depth)
    {
        // Deep nesting only comes from broken or hostile files; refuse before the stack suffers.
        if (depth > 200)
            fail("nesting too deep");
        skipSpace();
        if (pos_ >= text_.size())
            fail("unexpected end of text");
        const char c = text_[pos_];
        if (c == '{')
            return parseObject(depth);
        if (c == '[')
            return parseArray(depth);
        if (c == '"')
            return Json(parseString());
        if (consume("true"))
            return Json(true);
        if (consume("false"))
            return Json(false);
        if (consume("null"))
            return Json();
        return Json(parseNumber());
    }

    // The comma-separated items between an opening bracket (at pos_) and `close`.
    template <typename ParseItem>
    void parseItems(char close, ParseItem parseItem)
    {
        ++pos_;
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == close) {
            ++pos_;
            return;
        }
        for (;;) {
            parseItem();
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == close) {
                ++pos_;
                return;
            }
            fail(std::string("expected ',' or '") + close + "'");
        }
    }

    Json parseObject(int depth)
    {
        JsonObject object;
        parseItems('}', [&] {
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != '"')
                fail("expected a member name");
            std::string key = parseString();
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != ':')
                fail("expected ':'");
            ++pos_;
            object[key] = parseValue(depth + 1);
        });
        return Json(std::move(object));
    }

    Json parseArray(int depth)
    {
        JsonArray array;
        parseItems(']', [&] { array.push_back(parseValue(depth + 1)); });
        return Json(std::move(array));
    }

    unsigned hex4()
    {
        if (pos_ + 4 > text_.size())
            fail("short \\u escape");
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = text_[pos_++];
            value <<= 4;
            if (h >= '0' && h <= '9') value |= unsigned(h - '0');
            else if (h >= 'a' && h <= 'f') value |= unsigned(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') value |= unsigned(h - 'A' + 10);
            else fail("bad hex digit in \\u escape");
        }
        return value;
    }

    static void appendUtf8(std::string &out, unsigned code)
    {
        if (code < 0x80) {
            out += char(code);
        } else if (code < 0x800) {
            out += char(0xC0 | (code >> 6));
            out += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += char(0xE0 | (code >> 12));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        } else {
            out += char(0xF0 | (code >> 18));
            out += char(0x80 | ((code >> 12) & 0x3F));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        }
    }

    std::string parseString()
    {
        ++pos_;  // opening quote
        std::string out;
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                fail("control character in string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size())
                break;
            const char e = text_[pos_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned code = hex4();
                // A surrogate pair encodes one code point above U+FFFF.
                if (code >= 0xD800 && code < 0xDC00 && consume("\\u")) {
                    const unsigned low = hex4();
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, code);
                break;
            }
            default: fail("unknown escape");
            }
        }
        fail("unterminated string");
    }

    double parseNumber()
    {
        const std::size_t start = pos_;
        if (pos_ < text_.size() && text_[pos_] == '-')
            ++pos_;
        while (pos_ < text_.size() &&
               (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.' ||
                text_[pos_] == 'e' || text_[pos_] == 'E' || text_[pos_] == '+' ||
                text_[pos_] == '-'))
            ++pos_;
        const std::string token = text_.substr(start, pos_ - start);
        char *end = nullptr;
        const double value = std::strtod(token.c_str(), &end);
        if (token.empty() || end != token.c_str() + token.size()) {
            pos_ = start;
            fail("expected a value");
        }
        // A number beyond double's range would become infinity, which JSON cannot write back.
        if (!std::isfinite(value)) {
            pos_ = start;
            fail("number out of range");
        }
        return value;
    }

    const std::string &text_;
    std::size_t pos_ = 0;
};

void write(std::string &out, const Json &value, int indent, int level)
{
    const auto newline = [&](int atLevel) {
        if (indent < 0)
            return;
        out += '\n';
        out.append(static_cast<std::size_t>(indent * atLevel), ' ');
    };
    if (value.isNull()) {
        out += "null";
    } else if (value.isBool()) {
        out += value.toBool() ? "true" : "false";
    } else if (value.isNumber()) {
        appendNumber(out, value.toNumber());
    } else if (value.isString()) {
        appendEscaped(out, value.toString());
    } else if (value.isArray()) {
        const JsonArray &array = value.toArray();
        out += '[';
        for (std::size_t i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            newline(level + 1);
            write(out, array[i], indent, level + 1);
        }
        if (!array.empty())
            newline(level);
        out += ']';
    } else {
        const JsonObject &object = value.toObject();
        out += '{';
        bool first = true;
        for (const auto &[key, member] : object) {
            if (!first)
                out += ',';
            first = false;
            newline(level + 1);
            appendEscaped(out, key);
            out += indent < 0 ? ":" : ": ";
            write(out, member, indent, level + 1);
        }
        if (!object.empty())
            newline(level);
        out += '}';
    }
}

}  // namespace

bool Json::toBool() const
{
    if (!isBool())
        wrongType("a boolean");
    return bool_;
}

double Json::toNumber() const
{
    if (!isNumber())
        wrongType("a number");
    return number_;
}

std::int64_t Json::toInteger() const
{
    const double number = toNumber();
    // Beyond 2^53 a double no longer holds every integer.
    if (number != std::floor(number) || std::abs(number) > 9007199254740992.0)
        wrongType("an integer");
    return static_cast<std::int64_t>(number);
}

const std::string &Json::toString() const
{
    if (!isString())
        wrongType("a string");
    return string_;
}

const JsonArray &Json::toArray() const
{
    if (!isArray())
        wrongType("an array");
    return array_;
}

const JsonObject &Json::toObject() const
{
    if (!isObject())
        wrongType("an object");
    return object_;
}

bool Json::contains(const std::string &key) const
{
    return isObject() && toObject().count(key) > 0;
}

const Json &Json::at(const std::string &key) const
{
    const JsonObject &object = toObject();
    const auto it = object.find(key);
    if (it == object.end())
        throw JsonError("JSON object has no member '" + key + "'");
    return it->second;
}

Json Json::value(const std::string &key, const Json &fallback) const
{
    return contains(key) ? at(key) : fallback;
}

std::string Json::dump(int indent) const
{
    std::string out;
    write(out, *this, indent, 0);
    return out;
}

Json Json::parse(const std::string &text) { return Parser(text).document(); }

bool Json::operator==(const Json &other) const
{
    if (type_ != other.type_)
        return false;
    switch (type_) {
    case Type::Null: return true;
    case Type::Bool: return bool_ == other.bool_;
    case Type::Number: return number_ == other.number_;
    case Type::String: return string_ == other.string_;
    case Type::Array: return array_ == other.array_;
    case Type::Object: return object_ == other.object_;
    }
    return false;
}

}  // namespace sl::ml
