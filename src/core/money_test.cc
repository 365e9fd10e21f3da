#include "core/money.h"

#include <gtest/gtest.h>

namespace amip::core {
namespace {

TEST(CentsTest, ParsesEuroAmounts) {
  EXPECT_EQ(Cents::Parse("1316.50")->value(), 131650);
  EXPECT_EQ(Cents::Parse("0.5")->value(), 50);
  EXPECT_EQ(Cents::Parse("7")->value(), 700);
  EXPECT_EQ(Cents::Parse("-3.05")->value(), -305);
}

TEST(CentsTest, RejectsBadAmounts) {
  EXPECT_EQ(Cents::Parse("1.5051").status().message(),
            "mehr als 2 Nachkommastellen; erlaubt ist z. B. 1316.50");
  EXPECT_EQ(Cents::Parse("1,50").status().message(),
            "Komma statt Punkt als Dezimaltrennzeichen; erlaubt ist z. B. 1316.50");
  EXPECT_FALSE(Cents::Parse("").ok());
  EXPECT_FALSE(Cents::Parse("1.").ok());
  EXPECT_FALSE(Cents::Parse("+1").ok());
  EXPECT_FALSE(Cents::Parse("1e3").ok());
}

// Issue 10 item 7: the usual ways of writing money that the contract does not allow are named
// (all were "more than 2 decimals" or "expected euros like 1316.50" before).
TEST(CentsTest, SaysWhatIsWrongWithAnAmount) {
  const auto reason = [](std::string_view text) { return Cents::Parse(text).status().message(); };
  const std::string example = "; erlaubt ist z. B. 1316.50";
  EXPECT_EQ(reason("1.316,50"), "Tausendertrennzeichen im Betrag: ohne Gruppierung schreiben, "
                                "mit Punkt als Dezimaltrennzeichen" + example);
  EXPECT_EQ(reason("1,316.50"), reason("1.316,50"));
  EXPECT_EQ(reason("1.316.500"), reason("1.316,50"));
  EXPECT_EQ(reason("563.00 \u20ac"), "Währungszeichen im Betrag: nur die Zahl angeben" + example);
  EXPECT_EQ(reason("\u20ac563.00"), reason("563.00 \u20ac"));
  EXPECT_EQ(reason("563.00 EUR"), reason("563.00 \u20ac"));
  EXPECT_EQ(reason("1 316.50"), "Leerzeichen im Betrag" + example);
  EXPECT_EQ(reason("+5"), "Vorzeichen '+' im Betrag" + example);
  EXPECT_EQ(reason("1.316"), "mehr als 2 Nachkommastellen (ist der Punkt ein "
                             "Tausendertrennzeichen? dann ohne ihn schreiben)" + example);
  EXPECT_EQ(reason("1."), "Dezimalpunkt ohne Nachkommastellen" + example);
  EXPECT_EQ(reason("abc"), "kein Euro-Betrag" + example);
  EXPECT_EQ(reason("1e3"), "kein Euro-Betrag" + example);
  EXPECT_EQ(reason("1234567890123456"),
            "Betrag zu groß (mehr als 15 Stellen vor dem Komma)" + example);
  EXPECT_EQ(reason(""), "leerer Betrag");
}

TEST(CentsTest, FormatsExactly) {
  EXPECT_EQ(Cents::FromCents(131650).ToString(), "1316.50");
  EXPECT_EQ(Cents::FromCents(-305).ToString(), "-3.05");
  EXPECT_EQ(Cents::FromCents(123456789).ToGermanString(), "1.234.567,89 €");
}

}  // namespace
}  // namespace amip::core
