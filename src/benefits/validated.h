// The engines' entry points for a household that has passed ValidateHousehold already:
// Evaluate checks the household once and calls these for a household of one BG, instead of
// every engine checking it again. Internal to benefits/.
#pragma once

#include "benefits/household.h"
#include "benefits/sgb2.h"
#include "benefits/wohngeld.h"

namespace amip::benefits {

// REQUIRES: ValidateHousehold(household).ok().
core::Result<Sgb2Result> ComputeBuergergeldValidated(const Household& household, const law::LawSnapshot& law,
                                                     const law::LocalRules* local, Trace* trace);
// REQUIRES: ValidateHousehold(household).ok().
core::Result<WohngeldResult> ComputeWohngeldValidated(const Household& household, const law::LawSnapshot& law,
                                                      const law::LocalRules* local, const WohngeldOptions& options,
                                                      Trace* trace);

}  // namespace amip::benefits
