#include "core/money.h"

#include <gtest/gtest.h>

#include <limits>

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

// Issue 10 item 6: money sums never wrap around in 64 bits.
TEST(CheckedMoneyTest, OverflowIsAnErrorNotAWrappedNumber) {
  const Cents max = Cents::FromCents(std::numeric_limits<int64_t>::max());
  EXPECT_EQ(CheckedAdd(max, Cents::FromCents(1), "K1").status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(CheckedAdd(-max, Cents::FromCents(-2), "K1").status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(CheckedAdd(max, Cents::FromCents(-1), "K1")->value(), std::numeric_limits<int64_t>::max() - 1);
  EXPECT_EQ(CheckedMultiply(Cents::FromCents(99999999999999999), 93, "Kosten").status().code(),
            StatusCode::kOutOfRange);
  EXPECT_EQ(CheckedMultiply(Cents::FromCents(1000), -3, "Kosten")->value(), -3000);
  // 93 rows at the largest amount a contract file can hold (999.999.999.999.999,99 €).
  const Cents row = Cents::FromCents(99999999999999999);
  CentsSum sum;
  for (int idx = 0; idx < 92; ++idx) sum += row;
  ASSERT_TRUE(sum.Total("K1").ok());
  EXPECT_EQ(sum.Total("K1")->value(), 92 * 99999999999999999LL);
  sum += row;
  auto total = sum.Total("K1 2025-06");
  ASSERT_FALSE(total.ok());
  EXPECT_EQ(total.status().code(), StatusCode::kOutOfRange);
  EXPECT_NE(total.status().message().find("K1 2025-06: Geldbetrag zu groß"), std::string::npos)
      << total.status().ToString();
  sum += -row;  // back in range: the accumulator itself never wrapped
  EXPECT_EQ(sum.Total("K1")->value(), 92 * 99999999999999999LL);
}

}  // namespace
}  // namespace amip::core
