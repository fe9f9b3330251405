#pragma once
// A small JSON value for the descriptions inside model files (configuration, feature contract,
// training record). core/ml may not use Qt's JSON classes and Debian ships no header-only C++ JSON
// library among the project's dependencies, so this is the minimum: the six JSON types, a
// strict parser with positioned error messages, and a writer whose output parses back to the same
// value (numbers are written with 17 significant digits so doubles survive the round trip).
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace sl::ml {

class Json;
using JsonArray = std::vector<Json>;
using JsonObject = std::map<std::string, Json>;  // sorted keys: output is stable across runs

class JsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Json {
public:
    Json() = default;  // null
    Json(std::nullptr_t) {}
    Json(bool value) : type_(Type::Bool), bool_(value) {}
    Json(double value) : type_(Type::Number), number_(value) {}
    Json(int value) : Json(static_cast<double>(value)) {}
    Json(std::int64_t value) : Json(static_cast<double>(value)) {}
    Json(const char *value) : Json(std::string(value)) {}
    Json(std::string value) : type_(Type::String), string_(std::move(value)) {}
    Json(JsonArray value) : type_(Type::Array), array_(std::move(value)) {}
    Json(JsonObject value) : type_(Type::Object), object_(std::move(value)) {}

    bool isNull() const { return type_ == Type::Null; }
    bool isBool() const { return type_ == Type::Bool; }
    bool isNumber() const { return type_ == Type::Number; }
    bool isString() const { return type_ == Type::String; }
    bool isArray() const { return type_ == Type::Array; }
    bool isObject() const { return type_ == Type::Object; }

    // Typed access; throws JsonError naming the expected type when the value is another one.
    bool toBool() const;
    double toNumber() const;
    std::int64_t toInteger() const;  // also refuses numbers with a fractional part
    const std::string &toString() const;
    const JsonArray &toArray() const;
    const JsonObject &toObject() const;

    // Object members. at() throws JsonError naming the missing key; value() falls back.
    bool contains(const std::string &key) const;
    const Json &at(const std::string &key) const;
    Json value(const std::string &key, const Json &fallback) const;

    // Compact text (indent < 0) or pretty-printed with `indent` spaces per level.
    std::string dump(int indent = -1) const;
    static Json parse(const std::string &text);

    bool operator==(const Json &other) const;

private:
    // Plain members rather than std::variant: GCC 12 reports false "may be used uninitialized"
    // warnings for every braced list of variant-based values.
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type_ = Type::Null;
    bool bool_ = false;
    double number_ = 0.0;
    std::string string_;
    JsonArray array_;
    JsonObject object_;
};

}  // namespace sl::ml
