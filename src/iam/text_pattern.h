#pragma once
// Text that is only partly known before deployment, and IAM's wildcard matching over it.
//
// A policy's `Resource: !Sub arn:${AWS::Partition}:s3:::${LogBucket}/*` and the object the build
// writes, `arn:<partition>:s3:::<LogBucket>/<prefix>/<image>/…`, are both Texts: literal pieces
// and symbols (`LogBucket`, a parameter, an AWSTOE `{{ expression }}`) whose values iblint does
// not know. Matching answers Yes, No, or Maybe when the answer depends on a symbol's value.
#include <string>
#include <string_view>
#include <vector>

namespace iblint::iam {

/// A three-valued truth: certainly not, depends on deployment, certainly.
enum class Tri { No, Maybe, Yes };

inline Tri max(Tri a, Tri b) { return a > b ? a : b; }
inline Tri min(Tri a, Tri b) { return a < b ? a : b; }
/// Not: Yes ↔ No, Maybe stays Maybe.
inline Tri invert(Tri t) { return t == Tri::Yes ? Tri::No : t == Tri::No ? Tri::Yes : Tri::Maybe; }

/// The symbol for the deployment's partition (`${AWS::Partition}`): it matches any partition
/// written literally (`aws`, `aws-cn`, …), because one stack never mixes partitions.
inline constexpr std::string_view kPartition = "AWS::Partition";

struct Text {
  struct Piece {
    bool symbol = false;
    std::string text;  ///< the literal text, or the symbol's name
    bool operator==(const Piece&) const = default;
  };
  std::vector<Piece> pieces;

  static Text literal(std::string_view text);
  static Text symbol(std::string_view name);
  Text& append(const Text& other);
  Text& append_literal(std::string_view text);
  Text& append_symbol(std::string_view name);
  /// Whether every piece is literal (then str() is the value).
  bool is_literal() const;
  /// The text with symbols written as `${name}`, for messages.
  std::string str() const;
  bool operator==(const Text&) const = default;
};

/// Whether subject matches pattern, where `*` in a literal piece of pattern matches any run of
/// characters (symbols included) and `?` any one character. A symbol equals only itself; against
/// anything else it is Maybe (its value might be that text), except kPartition, which matches a
/// literal partition name on the other side. ignore_case for action names (`s3:getobject`).
Tri match(const Text& pattern, const Text& subject, bool ignore_case = false);

}  // namespace iblint::iam
