// The small JSON value of core/ml (json.h): round trips, escapes, exact doubles and errors that
// say where the text is wrong.
#include "core/ml/json.h"

#include <QtTest>

#include <cmath>

using namespace sl::ml;

class TestJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const Json value(JsonObject{
            {"name", Json("tab\there \"quoted\" \\ back")},
            {"list", Json(JsonArray{Json(1), Json(-2.5), Json(true), Json(), Json("")})},
            {"nested", Json(JsonObject{{"pi", Json(3.141592653589793)}, {"tiny", Json(1e-300)}})},
            {"big", Json(std::int64_t(9007199254740991))}});
        for (int indent : {-1, 2}) {
            const Json back = Json::parse(value.dump(indent));
            QVERIFY(back == value);
        }
        QCOMPARE(Json::parse(value.dump()).at("nested").at("pi").toNumber(), 3.141592653589793);
        QCOMPARE(Json::parse(value.dump()).at("big").toInteger(), 9007199254740991LL);
    }

    void unicodeEscapes()
    {
        // \u00e9 is é (2 UTF-8 bytes); the surrogate pair is U+1F600 (4 bytes).
        const Json text = Json::parse(R"("caf\u00e9 \ud83d\ude00")");
        QCOMPARE(text.toString(), std::string("caf\xc3\xa9 \xf0\x9f\x98\x80"));
        QCOMPARE(Json::parse(Json(std::string("\x01")).dump()).toString(), std::string("\x01"));
    }

    void nonFiniteNumbersBecomeNull()
    {
        QCOMPARE(Json(std::nan("")).dump(), std::string("null"));
        QCOMPARE(Json(INFINITY).dump(), std::string("null"));
    }

    void errors()
    {
        for (const char *bad : {"", "{", "[1,]", "{\"a\" 1}", "tru", "\"open", "1 2", "{1: 2}"})
            QVERIFY_THROWS_EXCEPTION(JsonError, Json::parse(bad));
        try {
            Json::parse("[1, 2, x]");
            QFAIL("no error");
        } catch (const JsonError &error) {
            QVERIFY(std::string(error.what()).find("offset 7") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(JsonError, Json("text").toNumber());
        QVERIFY_THROWS_EXCEPTION(JsonError, Json(1.5).toInteger());
        QVERIFY_THROWS_EXCEPTION(JsonError, Json(JsonObject{}).at("missing"));
        QCOMPARE(Json(JsonObject{}).value("missing", Json(4)).toInteger(), 4);
        std::string deep(300, '[');
        QVERIFY_THROWS_EXCEPTION(JsonError, Json::parse(deep));
        // Beyond double's range: refused, since infinity would be written back as null.
        for (const char *huge : {"1e999", "-1.5E+1234567890123456", "[0, 2e400]"})
            QVERIFY_THROWS_EXCEPTION(JsonError, Json::parse(huge));
        QCOMPARE(Json::parse("1e308").toNumber(), 1e308);
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "test_json.moc"
