#pragma once
#include "model/component.h"

namespace iblint {

/// Builds the typed model of a component document from its YAML root mapping.
Component load_component(const yaml::Node& root);

}  // namespace iblint
