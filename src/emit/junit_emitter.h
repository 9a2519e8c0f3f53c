#pragma once
#include <ostream>

#include "engine/report.h"

namespace iblint {

/// JUnit XML for CI systems that show test reports (GitLab `artifacts:reports:junit`, Jenkins
/// `junit`, Azure Pipelines, …): one <testsuite> per linted file; one failing <testcase> per
/// finding, classname = the file's path (GitLab's "Suite" column), name = "ID rule-name at
/// line:column" (unique within the file, since GitLab keeps only the first of equal names);
/// a file without findings is one passing <testcase>. Text is XML-escaped; characters XML 1.0
/// cannot carry and invalid UTF-8 become U+FFFD.
void emit_junit(const Report& report, std::ostream& out);

}  // namespace iblint
