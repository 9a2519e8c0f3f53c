#include "rules/component_s3_access.h"

#include "cfn/intrinsic.h"
#include "iam/instance_permissions.h"
#include "iam/policy_reader.h"
#include "rules/step_inputs.h"

namespace iblint {
namespace {

std::optional<std::string> literal_scalar(const yaml::Node* node) {
  if (!node || !node->resolved().is_scalar() || node->resolved().is_null()) return std::nullopt;
  return node->resolved().value;
}

}  // namespace

Variables variables_of(const Component& document, const RecipeComponent& use) {
  Variables out;
  for (const Variable& v : document.variables) {
    const yaml::Node* definition = v.definition ? &v.definition->resolved() : nullptr;
    const yaml::Node* given = definition && definition->is_mapping() ? definition->find(v.constant ? "value" : "default") : nullptr;
    out[v.name] = literal_scalar(given);
  }
  for (const RecipeParameter& p : use.parameters) {
    std::optional<std::string> name = p.name.literal();
    if (!name) continue;
    bool one = p.value.kind == cfn::Value::Kind::List && p.value.items.size() == 1;
    out[*name] = one ? p.value.items[0].literal() : std::nullopt;
  }
  return out;
}

namespace {

/// `{{ expression }}` pieces of literal text become their values when known, else symbols
/// (chained outputs, parameters the recipe sets from a template parameter, …).
iam::Text with_expressions(const iam::Text& text, const Variables& variables) {
  iam::Text out;
  for (const iam::Text::Piece& piece : text.pieces) {
    if (piece.symbol) {
      out.append_symbol(piece.text);
      continue;
    }
    std::string_view s = piece.text;
    size_t at = 0;
    while (true) {
      size_t open = s.find("{{", at);
      size_t close = open == std::string_view::npos ? open : s.find("}}", open + 2);
      if (close == std::string_view::npos) {
        out.append_literal(s.substr(at));
        break;
      }
      out.append_literal(s.substr(at, open - at));
      std::string_view inner = s.substr(open + 2, close - open - 2);
      while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
      while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
      auto known = variables.find(std::string(inner));
      if (known != variables.end() && known->second) out.append_literal(*known->second);
      else out.append_symbol(std::string(s.substr(open, close + 2 - open)));
      at = close + 2;
    }
  }
  return out;
}

/// The value of a scalar of an embedded document. Under Fn::Sub the loader masked `${…}`, so
/// the text is read again from the template, where `${Bucket}` is still written.
std::optional<iam::Text> scalar_text(const yaml::Node& node, const EmbeddedComponent& doc, const Resource& component,
                                    const Variables& variables) {
  if (!doc.data || cfn::intrinsic_of(*doc.data).name != "Fn::Sub")
    return with_expressions(iam::Text::literal(node.value), variables);
  Span span = doc.to_outer(node.span);
  std::string_view raw = std::string_view(doc.outer->bytes()).substr(span.begin, span.end - span.begin);
  auto strip = [&](std::string_view q) {
    if (raw.size() >= 2 * q.size() && raw.starts_with(q) && raw.ends_with(q)) raw = raw.substr(q.size(), raw.size() - 2 * q.size());
  };
  if (node.style == yaml::Style::DoubleQuoted) {
    strip("\\\"");
    strip("\"");
  } else if (node.style == yaml::Style::SingleQuoted) {
    strip("'");
  }
  if (raw.find('\\') != std::string_view::npos || raw.find('\n') != std::string_view::npos) return std::nullopt;
  iam::Text text;
  for (size_t i = 0; i < raw.size();) {
    size_t open = raw.find("${", i);
    size_t close = open == std::string_view::npos ? open : raw.find('}', open);
    if (close == std::string_view::npos) {
      text.append_literal(raw.substr(i));
      break;
    }
    text.append_literal(raw.substr(i, open - i));
    std::string name(raw.substr(open + 2, close - open - 2));
    if (name.starts_with('!')) text.append_literal("${" + name.substr(1) + "}");
    else text.append(iam::variable_text(component, name));
    i = close + 1;
  }
  return with_expressions(text, variables);
}

/// A Text as the document writes it: `{{ x }}` symbols as they are, the others as `${X}`.
std::string as_written(const iam::Text& text) {
  std::string out;
  for (const iam::Text::Piece& p : text.pieces) out += !p.symbol || p.text.starts_with("{{") ? p.text : "${" + p.text + "}";
  return out;
}

}  // namespace

std::vector<S3Access> s3_accesses(const Component& document, const EmbeddedComponent& doc, const Resource& component,
                                  const Variables& variables) {
  std::vector<S3Access> out;
  auto add = [&](const Step& step, const yaml::Node* node, bool upload, bool folder = false) {
    if (!node) return;
    std::optional<iam::Text> text = scalar_text(*node, doc, component, variables);
    if (!text || text->pieces.empty() || text->pieces.front().symbol || !text->pieces.front().text.starts_with("s3://"))
      return;
    std::string written = as_written(scalar_text(*node, doc, component, {}).value_or(*text));
    out.push_back({&step, node, std::move(*text), std::move(written), upload, folder});
  };
  for (const Phase& phase : document.phases) {
    for (const Step& step : phase.steps) {
      if (step.loop) continue;  // inputs of a loop depend on the iteration
      for (const yaml::Node* entry : input_entries(step)) {
        if (step.action == "S3Download") add(step, scalar_input(*entry, "source"), false);
        else if (step.action == "S3Upload") {
          const yaml::Node* recurse = scalar_input(*entry, "recurse");
          const yaml::Node* source = scalar_input(*entry, "source");
          bool folder = (recurse && recurse->value == "true") || (source && source->value.find('*') != std::string::npos);
          add(step, scalar_input(*entry, "destination"), true, folder);
        }
        else if (step.action == "InstallMSI" || step.action == "UninstallMSI") add(step, scalar_input(*entry, "path"), false);
        else if (step.action == "ExecuteDocument") add(step, scalar_input(*entry, "document"), false);
      }
    }
  }
  return out;
}

iam::Text bucket_of(const S3Access& access) {
  iam::Text bucket;
  bool first = true;
  for (const iam::Text::Piece& piece : access.uri.pieces) {
    if (piece.symbol) {
      bucket.append_symbol(piece.text);
      first = false;
      continue;
    }
    std::string_view text = piece.text;
    if (first) text.remove_prefix(5);
    first = false;
    size_t slash = text.find('/');
    bucket.append_literal(text.substr(0, slash));
    if (slash != std::string_view::npos) break;
  }
  return bucket;
}

std::vector<std::pair<std::string, iam::Text>> s3_requests(const S3Access& access, iam::Text& shown) {
  iam::Text path = access.uri;
  path.pieces.front().text.erase(0, 5);  // "s3://"
  std::vector<std::pair<std::string, iam::Text>> out;
  const iam::Text::Piece& last = path.pieces.back();
  bool prefix = access.folder || (!last.symbol && (access.upload ? last.text.ends_with('/') : last.text.ends_with("/*")));
  if (!prefix) {
    shown = iam::s3_arn(path);
    out.emplace_back(access.upload ? "s3:PutObject" : "s3:GetObject", iam::s3_arn(path));
    return out;
  }
  if (!access.upload) path.pieces.back().text.pop_back();  // the `*` of a prefix download
  else if (last.symbol || !last.text.ends_with('/')) path.append_literal("/");
  shown = iam::s3_arn(path);
  shown.append_literal("*");
  iam::Text object = path;
  object.append_symbol("object");
  out.emplace_back(access.upload ? "s3:PutObject" : "s3:GetObject", iam::s3_arn(object));
  if (!access.upload) {
    out.emplace_back("s3:ListBucket", iam::s3_arn(bucket_of(access)));
  }
  return out;
}

}  // namespace iblint
