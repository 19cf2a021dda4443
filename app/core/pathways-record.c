/* pathways-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-record"

#include "config.h"

#include "pathways-record-private.h"

typedef struct
{
  gint64  id;
  gint64  version;
  GValue *values;
  guint   n_values;
} PathwaysRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PathwaysRecord, pathways_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  N_BASE_PROPS
};

static GParamSpec *base_props[N_BASE_PROPS];

static GType
field_gtype (PathwaysFieldType type)
{
  switch (type)
    {
    case PATHWAYS_FIELD_STRING:
    case PATHWAYS_FIELD_DATE:
      return G_TYPE_STRING;
    case PATHWAYS_FIELD_INT:
    case PATHWAYS_FIELD_MONEY:
      return G_TYPE_INT64;
    case PATHWAYS_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case PATHWAYS_FIELD_REAL:
      return G_TYPE_DOUBLE;
    default:
      g_assert_not_reached ();
    }
}

static GValue *
ensure_values (PathwaysRecord *self)
{
  PathwaysRecordPrivate *priv = pathways_record_get_instance_private (self);
  PathwaysRecordClass *klass;

  if (priv->values != NULL)
    return priv->values;

  klass = PATHWAYS_RECORD_GET_CLASS (self);
  priv->n_values = klass->n_fields;
  priv->values = g_new0 (GValue, MAX (1, klass->n_fields));
  for (guint i = 0; i < klass->n_fields; i++)
    g_value_init (&priv->values[i], field_gtype (klass->fields[i].type));

  return priv->values;
}

static void
pathways_record_finalize (GObject *object)
{
  PathwaysRecord *self = PATHWAYS_RECORD (object);
  PathwaysRecordPrivate *priv = pathways_record_get_instance_private (self);

  /* Only the strings hold anything to free (the other fields are
   * int64, boolean and double): an import frees a few hundred thousand
   * records of up to 36 fields */
  for (guint i = 0; i < priv->n_values; i++)
    if (G_VALUE_TYPE (&priv->values[i]) == G_TYPE_STRING)
      g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);

  G_OBJECT_CLASS (pathways_record_parent_class)->finalize (object);
}

static void
pathways_record_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PathwaysRecord *self = PATHWAYS_RECORD (object);
  PathwaysRecordPrivate *priv = pathways_record_get_instance_private (self);

  if (prop_id == PROP_ID)
    {
      g_value_set_int64 (value, priv->id);
      return;
    }
  if (prop_id == PROP_VERSION)
    {
      g_value_set_int64 (value, priv->version);
      return;
    }

  g_return_if_fail (prop_id - N_BASE_PROPS < PATHWAYS_RECORD_GET_CLASS (self)->n_fields);
  g_value_copy (&ensure_values (self)[prop_id - N_BASE_PROPS], value);
}

static void
pathways_record_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PathwaysRecord *self = PATHWAYS_RECORD (object);

  if (prop_id == PROP_ID)
    {
      pathways_record_set_id (self, g_value_get_int64 (value));
      return;
    }
  if (prop_id == PROP_VERSION)
    {
      pathways_record_set_version (self, g_value_get_int64 (value));
      return;
    }

  pathways_record_set_value (self, prop_id - N_BASE_PROPS, value);
}

static void
pathways_record_class_init (PathwaysRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pathways_record_finalize;
  object_class->get_property = pathways_record_get_property;
  object_class->set_property = pathways_record_set_property;

  base_props[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  base_props[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_ID, base_props[PROP_ID]);
  g_object_class_install_property (object_class, PROP_VERSION, base_props[PROP_VERSION]);
}

static void
pathways_record_init (PathwaysRecord *self)
{
}

/**
 * pathways_record_class_install_fields:
 *
 * Called from a subclass's class_init: installs one property for each
 * field and remembers the table and the column names.
 */
void
pathways_record_class_install_fields (PathwaysRecordClass *klass,
                                      const char          *table,
                                      const PathwaysField *fields,
                                      guint                n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->columns = g_new0 (char *, n_fields + 1);
  klass->pspecs = g_new0 (GParamSpec *, MAX (1, n_fields));
  klass->field_index = g_hash_table_new (g_str_hash, g_str_equal);

  object_class->get_property = pathways_record_get_property;
  object_class->set_property = pathways_record_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const PathwaysField *f = &fields[i];
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec = NULL;

      klass->columns[i] = g_strdelimit (g_strdup (f->name), "-", '_');
      g_hash_table_insert (klass->field_index, (gpointer) f->name, GUINT_TO_POINTER (i + 1));
      g_hash_table_insert (klass->field_index, klass->columns[i], GUINT_TO_POINTER (i + 1));

      switch (f->type)
        {
        case PATHWAYS_FIELD_STRING:
        case PATHWAYS_FIELD_DATE:
          pspec = g_param_spec_string (f->name, NULL, NULL, NULL, flags);
          break;
        case PATHWAYS_FIELD_INT:
        case PATHWAYS_FIELD_MONEY:
          pspec = g_param_spec_int64 (f->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case PATHWAYS_FIELD_BOOL:
          pspec = g_param_spec_boolean (f->name, NULL, NULL, FALSE, flags);
          break;
        case PATHWAYS_FIELD_REAL:
          pspec = g_param_spec_double (f->name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      klass->pspecs[i] = pspec;
      g_object_class_install_property (object_class, N_BASE_PROPS + i, pspec);
    }
}

const char *
pathways_record_class_get_table (PathwaysRecordClass *klass)
{
  return klass->table;
}

guint
pathways_record_class_get_n_fields (PathwaysRecordClass *klass)
{
  return klass->n_fields;
}

const PathwaysField *
pathways_record_class_get_field (PathwaysRecordClass *klass,
                                 guint                index)
{
  g_return_val_if_fail (index < klass->n_fields, NULL);
  return &klass->fields[index];
}

const char *
pathways_record_class_get_column (PathwaysRecordClass *klass,
                                  guint                index)
{
  g_return_val_if_fail (index < klass->n_fields, NULL);
  return klass->columns[index];
}

/**
 * pathways_record_class_find_field:
 * @name: a property name ("date-of-birth") or a column name ("date_of_birth")
 *
 * Returns: the field index, or -1
 */
int
pathways_record_class_find_field (PathwaysRecordClass *klass,
                                  const char          *name)
{
  /* (by a table: the store asks each record it writes for its owners' fields by name) */
  if (klass->field_index == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (klass->field_index, name)) - 1;
}

gint64
pathways_record_get_id (PathwaysRecord *self)
{
  PathwaysRecordPrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_RECORD (self), 0);

  priv = pathways_record_get_instance_private (self);
  return priv->id;
}

void
pathways_record_set_id (PathwaysRecord *self,
                        gint64          id)
{
  PathwaysRecordPrivate *priv;

  g_return_if_fail (PATHWAYS_IS_RECORD (self));

  priv = pathways_record_get_instance_private (self);
  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), base_props[PROP_ID]);
    }
}

gint64
pathways_record_get_version (PathwaysRecord *self)
{
  PathwaysRecordPrivate *priv;

  g_return_val_if_fail (PATHWAYS_IS_RECORD (self), 0);

  priv = pathways_record_get_instance_private (self);
  return priv->version;
}

void
pathways_record_set_version (PathwaysRecord *self,
                             gint64          version)
{
  PathwaysRecordPrivate *priv;

  g_return_if_fail (PATHWAYS_IS_RECORD (self));

  priv = pathways_record_get_instance_private (self);
  if (priv->version != version)
    {
      priv->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), base_props[PROP_VERSION]);
    }
}

const GValue *
pathways_record_peek_value (PathwaysRecord *self,
                            guint           index)
{
  g_return_val_if_fail (PATHWAYS_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < PATHWAYS_RECORD_GET_CLASS (self)->n_fields, NULL);

  return &ensure_values (self)[index];
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case G_TYPE_DOUBLE:
      return g_value_get_double (a) == g_value_get_double (b);
    default:
      return FALSE;
    }
}

void
pathways_record_set_value (PathwaysRecord *self,
                           guint           index,
                           const GValue   *value)
{
  PathwaysRecordClass *klass;
  GValue *slot;

  g_return_if_fail (PATHWAYS_IS_RECORD (self));
  klass = PATHWAYS_RECORD_GET_CLASS (self);
  g_return_if_fail (index < klass->n_fields);

  slot = &ensure_values (self)[index];
  if (values_equal (slot, value))
    return;

  if (G_VALUE_TYPE (slot) == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);
      /* Empty strings are stored as NULL: "not recorded" */
      g_value_set_string (slot, (s != NULL && *s != '\0') ? s : NULL);
    }
  else
    g_value_copy (value, slot);

  /* By pspec: by name costs a lookup through the class's properties, and
   * an import sets a dozen fields on each of a few hundred thousand records */
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[index]);
}

/* The slot of field @index, of @gtype; NULL (and a critical) if it is not one */
static GValue *
typed_slot (PathwaysRecord *self,
            guint           index,
            GType           gtype)
{
  GValue *slot;

  g_return_val_if_fail (PATHWAYS_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < PATHWAYS_RECORD_GET_CLASS (self)->n_fields, NULL);

  slot = &ensure_values (self)[index];
  g_return_val_if_fail (G_VALUE_TYPE (slot) == gtype, NULL);
  return slot;
}

static void
notify_field (PathwaysRecord *self,
              guint           index)
{
  g_object_notify_by_pspec (G_OBJECT (self), PATHWAYS_RECORD_GET_CLASS (self)->pspecs[index]);
}

void
pathways_record_set_string_at (PathwaysRecord *self,
                               guint           index,
                               const char     *value)
{
  GValue *slot = typed_slot (self, index, G_TYPE_STRING);

  if (slot == NULL)
    return;
  /* Empty strings are stored as NULL: "not recorded" */
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (g_value_get_string (slot), value) == 0)
    return;
  g_value_set_string (slot, value);
  notify_field (self, index);
}

void
pathways_record_set_int64_at (PathwaysRecord *self,
                              guint           index,
                              gint64          value)
{
  GValue *slot = typed_slot (self, index, G_TYPE_INT64);

  if (slot == NULL || g_value_get_int64 (slot) == value)
    return;
  g_value_set_int64 (slot, value);
  notify_field (self, index);
}

void
pathways_record_set_boolean_at (PathwaysRecord *self,
                                guint           index,
                                gboolean        value)
{
  GValue *slot = typed_slot (self, index, G_TYPE_BOOLEAN);

  if (slot == NULL || !g_value_get_boolean (slot) == !value)
    return;
  g_value_set_boolean (slot, value);
  notify_field (self, index);
}

void
pathways_record_set_double_at (PathwaysRecord *self,
                               guint           index,
                               double          value)
{
  GValue *slot = typed_slot (self, index, G_TYPE_DOUBLE);

  if (slot == NULL || g_value_get_double (slot) == value)
    return;
  g_value_set_double (slot, value);
  notify_field (self, index);
}

static int
index_for (PathwaysRecord *self,
           const char     *name,
           GType           expected)
{
  int idx = pathways_record_class_find_field (PATHWAYS_RECORD_GET_CLASS (self), name);

  if (idx < 0)
    {
      g_critical ("%s has no field ‘%s’", G_OBJECT_TYPE_NAME (self), name);
      return -1;
    }
  if (G_VALUE_TYPE (&ensure_values (self)[idx]) != expected)
    {
      g_critical ("Field ‘%s’ of %s is not a %s", name, G_OBJECT_TYPE_NAME (self),
                  g_type_name (expected));
      return -1;
    }
  return idx;
}

const char *
pathways_record_get_string (PathwaysRecord *self,
                            const char     *name)
{
  int idx = index_for (self, name, G_TYPE_STRING);
  return idx < 0 ? NULL : g_value_get_string (&ensure_values (self)[idx]);
}

gint64
pathways_record_get_int (PathwaysRecord *self,
                         const char     *name)
{
  int idx = index_for (self, name, G_TYPE_INT64);
  return idx < 0 ? 0 : g_value_get_int64 (&ensure_values (self)[idx]);
}

gboolean
pathways_record_get_bool (PathwaysRecord *self,
                          const char     *name)
{
  int idx = index_for (self, name, G_TYPE_BOOLEAN);
  return idx < 0 ? FALSE : g_value_get_boolean (&ensure_values (self)[idx]);
}

double
pathways_record_get_real (PathwaysRecord *self,
                          const char     *name)
{
  int idx = index_for (self, name, G_TYPE_DOUBLE);
  return idx < 0 ? 0.0 : g_value_get_double (&ensure_values (self)[idx]);
}

#define DEFINE_SETTER(suffix, ctype, gtype, setter)                       \
void                                                                      \
pathways_record_set_##suffix (PathwaysRecord *self,                       \
                              const char     *name,                       \
                              ctype           value)                      \
{                                                                         \
  g_auto(GValue) v = G_VALUE_INIT;                                        \
  int idx = index_for (self, name, gtype);                                \
  if (idx < 0)                                                            \
    return;                                                               \
  g_value_init (&v, gtype);                                               \
  setter (&v, value);                                                     \
  pathways_record_set_value (self, idx, &v);                              \
}

DEFINE_SETTER (string, const char *, G_TYPE_STRING, g_value_set_string)
DEFINE_SETTER (int, gint64, G_TYPE_INT64, g_value_set_int64)
DEFINE_SETTER (bool, gboolean, G_TYPE_BOOLEAN, g_value_set_boolean)
DEFINE_SETTER (real, double, G_TYPE_DOUBLE, g_value_set_double)

#undef DEFINE_SETTER

/**
 * pathways_record_copy:
 *
 * Returns: (transfer full): a new record of the same type with the same
 *   id, version and values
 */
PathwaysRecord *
pathways_record_copy (PathwaysRecord *self)
{
  PathwaysRecord *copy;
  PathwaysRecordClass *klass;

  g_return_val_if_fail (PATHWAYS_IS_RECORD (self), NULL);

  klass = PATHWAYS_RECORD_GET_CLASS (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  pathways_record_set_id (copy, pathways_record_get_id (self));
  pathways_record_set_version (copy, pathways_record_get_version (self));
  for (guint i = 0; i < klass->n_fields; i++)
    pathways_record_set_value (copy, i, pathways_record_peek_value (self, i));

  return copy;
}
