/* pathways-core.h — everything the core library offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-agenda.h"
#include "pathways-care-history.h"
#include "pathways-clock.h"
#include "pathways-entities.h"
#include "pathways-file.h"
#include "pathways-format.h"
#include "pathways-generator.h"
#include "pathways-history.h"
#include "pathways-people.h"
#include "pathways-person.h"
#include "pathways-person-filter.h"
#include "pathways-plan.h"
#include "pathways-planner.h"
#include "pathways-record.h"
#include "pathways-rules.h"
#include "pathways-settings.h"
#include "pathways-snapshot.h"
#include "pathways-stock.h"
#include "pathways-store.h"
#include "pathways-sufficiency.h"
#include "pathways-timeline.h"
#include "pathways-vocab.h"
#include "pathways-what-if.h"
