#include "load/document_kind.h"

#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint {
namespace {

DocumentKind kind_of(std::string text) {
  SourceFile file("t.yaml", std::move(text));
  auto stream = yaml::parse(file);
  return classify(*stream->documents.at(0)).kind;
}

TEST(DocumentKind, RecognisesByContent) {
  EXPECT_EQ(kind_of("schemaVersion: 1.0\nphases: []\n"), DocumentKind::Component);
  EXPECT_EQ(kind_of("phases:\n  build: {}\n"), DocumentKind::Component);
  EXPECT_EQ(kind_of("name: x\nschemaVersion: 1.0\n"), DocumentKind::Component) << "lost its phases";
  EXPECT_EQ(kind_of("AWSTemplateFormatVersion: '2010-09-09'\n"), DocumentKind::CloudFormation);
  EXPECT_EQ(kind_of("Resources:\n  C: {Type: AWS::ImageBuilder::Component}\n"), DocumentKind::CloudFormation);
  EXPECT_EQ(kind_of("schemaVersion: 1.0\nsteps: []\nparameters: []\n"), DocumentKind::Workflow);
  EXPECT_EQ(kind_of("schemaVersion: '2.2'\nmainSteps: []\n"), DocumentKind::SsmDocument);
  EXPECT_EQ(kind_of("{\"name\": \"c\", \"semanticVersion\": \"1.0.0\", \"platform\": \"Linux\", \"data\": \"x\"}"),
            DocumentKind::ApiRequest);
  EXPECT_EQ(kind_of("apiVersion: v1\nkind: Pod\n"), DocumentKind::Other);
  EXPECT_EQ(kind_of("- a\n- b\n"), DocumentKind::Other);
  EXPECT_EQ(kind_of("schemaVersion: '2.2'\nname: x\n"), DocumentKind::Other);
}

}  // namespace
}  // namespace iblint
