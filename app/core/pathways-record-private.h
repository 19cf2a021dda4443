/* pathways-record-private.h — the typed setters' way into a record's
 * values (DEFINE_RECORD's accessors); private to core
 *
 * Each sets field @index as pathways_record_set_value() would (an empty
 * string is NULL; notified only when the value changes), without a
 * GValue of the caller's: an import sets a dozen fields on each of a few
 * hundred thousand records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-record.h"

G_BEGIN_DECLS

void pathways_record_set_string_at  (PathwaysRecord *self,
                                     guint           index,
                                     const char     *value);
void pathways_record_set_int64_at   (PathwaysRecord *self,
                                     guint           index,
                                     gint64          value);
void pathways_record_set_boolean_at (PathwaysRecord *self,
                                     guint           index,
                                     gboolean        value);
void pathways_record_set_double_at  (PathwaysRecord *self,
                                     guint           index,
                                     double          value);

G_END_DECLS
