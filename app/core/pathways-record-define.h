/* pathways-record-define.h — defining a record type from its field list
 *
 * For the .c files that define records (pathways-entities.c and the
 * commissioning records): DEFINE_RECORD makes the type, its field
 * table, the index of each field and its typed accessors from an
 * X-macro field list like those of pathways-entity-fields.h.
 * Private to core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-entities.h"
#include "pathways-record-private.h"

#define FIELD_ENTRY(T, p, kind, name, prop, label, flags) { prop, PATHWAYS_FIELD_##kind, label, flags },
#define FIELD_INDEX(T, p, kind, name, prop, label, flags) p##__##name,

#define GETTER_STRING g_value_get_string
#define GETTER_DATE   g_value_get_string
#define GETTER_INT    g_value_get_int64
#define GETTER_BOOL   g_value_get_boolean
#define GETTER_MONEY  g_value_get_int64
#define GETTER_REAL   g_value_get_double
#define SETTER_STRING pathways_record_set_string_at
#define SETTER_DATE   pathways_record_set_string_at
#define SETTER_INT    pathways_record_set_int64_at
#define SETTER_BOOL   pathways_record_set_boolean_at
#define SETTER_MONEY  pathways_record_set_int64_at
#define SETTER_REAL   pathways_record_set_double_at

#define DEFINE_FIELD_ACCESSORS(T, p, kind, name, prop, label, flags)               \
  PATHWAYS_CTYPE_##kind                                                            \
  p##_get_##name (T *self)                                                         \
  {                                                                                \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, p##_get_type ()),      \
                          (PATHWAYS_CTYPE_##kind) 0);                              \
    return GETTER_##kind (pathways_record_peek_value (PATHWAYS_RECORD (self),      \
                                                      p##__##name));               \
  }                                                                                \
  void                                                                             \
  p##_set_##name (T *self, PATHWAYS_CTYPE_##kind value)                            \
  {                                                                                \
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, p##_get_type ()));         \
    SETTER_##kind (PATHWAYS_RECORD (self), p##__##name, value);                    \
  }

/* A record type, its field table, the index of each field and its typed accessors */
#define DEFINE_RECORD(TypeName, type_name, table, FIELDS)                           \
  struct _##TypeName { PathwaysRecord parent_instance; };                           \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, PATHWAYS_TYPE_RECORD)                   \
  enum { FIELDS (FIELD_INDEX, TypeName, type_name) type_name##__n_fields };         \
  static const PathwaysField type_name##_fields[] = {                               \
    FIELDS (FIELD_ENTRY, TypeName, type_name)                                       \
  };                                                                                \
  static void type_name##_class_init (TypeName##Class *klass)                       \
  {                                                                                 \
    pathways_record_class_install_fields (PATHWAYS_RECORD_CLASS (klass), table,     \
                                          type_name##_fields,                       \
                                          G_N_ELEMENTS (type_name##_fields));       \
  }                                                                                 \
  static void type_name##_init (TypeName *self) { }                                 \
  FIELDS (DEFINE_FIELD_ACCESSORS, TypeName, type_name)
