/* pathways-row-name.c — a name for a list or table row, for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-row-name"

#include "config.h"

#include "pathways-row-name.h"

#include <adwaita.h>

#include <glib/gi18n.h>

/* The row around @inside: the nearest ancestor that is a list item or a
 * table row (a column view's cells, in between, are grid cells) */
static GtkWidget *
row_of (GtkWidget *inside)
{
  for (GtkWidget *w = gtk_widget_get_parent (inside); w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w));

      if (role == GTK_ACCESSIBLE_ROLE_ROW || role == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        return w;
      if (GTK_IS_LIST_VIEW (w) || GTK_IS_COLUMN_VIEW (w) || GTK_IS_ROOT (w))
        return NULL;
    }
  return NULL;
}

static gboolean
apply (GtkWidget *inside)
{
  const char *label = g_object_get_data (G_OBJECT (inside), "pathways-row-label");
  GtkWidget *row = row_of (inside);

  if (row == NULL)
    return FALSE;
  if (label != NULL && *label != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);
  return TRUE;
}

static void
map_cb (GtkWidget *inside)
{
  apply (inside);
}

/**
 * pathways_row_set_accessible_label:
 * @inside: a widget in a cell of the row (a factory's child)
 * @label: (nullable): what the row is, in a sentence
 *
 * Names the row @inside is in, now if it is in one, or else when it is
 * shown.
 */
void
pathways_row_set_accessible_label (GtkWidget  *inside,
                                   const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (inside));

  g_object_set_data_full (G_OBJECT (inside), "pathways-row-label", g_strdup (label), g_free);
  if (!apply (inside) && g_object_get_data (G_OBJECT (inside), "pathways-row-label-mapped") == NULL)
    {
      g_object_set_data (G_OBJECT (inside), "pathways-row-label-mapped", GINT_TO_POINTER (1));
      g_signal_connect (inside, "map", G_CALLBACK (map_cb), NULL);
    }
}

/**
 * pathways_column_view_name_header:
 *
 * Names a column view's header row, which GTK 4.8 also names after its
 * class; a screen reader reads the column titles inside it.
 */
void
pathways_column_view_name_header (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (view)); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)) == GTK_ACCESSIBLE_ROLE_ROW)
      gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column headers"), -1);
}

static void
expander_title_cb (AdwPreferencesRow *row)
{
  const char *title = adw_preferences_row_get_title (row);

  if (title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/**
 * pathways_expander_row_name:
 *
 * Names an expander row by its title, now and when the title changes:
 * libadwaita 1.2 gives the row of an AdwExpanderRow no name of its own.
 */
void
pathways_expander_row_name (AdwExpanderRow *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  g_signal_connect (row, "notify::title", G_CALLBACK (expander_title_cb), NULL);
  expander_title_cb (ADW_PREFERENCES_ROW (row));
}

/* PathwaysRowName: the same from a builder factory's template */

struct _PathwaysRowName
{
  GtkWidget parent_instance;
  char     *label;
};

G_DEFINE_FINAL_TYPE (PathwaysRowName, pathways_row_name, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pathways_row_name_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pathways_row_name_parent_class)->root (widget);
  apply (widget);
}

static void
pathways_row_name_finalize (GObject *object)
{
  PathwaysRowName *self = PATHWAYS_ROW_NAME (object);

  g_free (self->label);
  G_OBJECT_CLASS (pathways_row_name_parent_class)->finalize (object);
}

static void
pathways_row_name_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PathwaysRowName *self = PATHWAYS_ROW_NAME (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_row_name_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PathwaysRowName *self = PATHWAYS_ROW_NAME (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      pathways_row_name_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_row_name_class_init (PathwaysRowNameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pathways_row_name_finalize;
  object_class->get_property = pathways_row_name_get_property;
  object_class->set_property = pathways_row_name_set_property;
  widget_class->root = pathways_row_name_root;

  /**
   * PathwaysRowName:label:
   *
   * The accessible name of the row this widget is in.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
pathways_row_name_init (PathwaysRowName *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

const char *
pathways_row_name_get_label (PathwaysRowName *self)
{
  g_return_val_if_fail (PATHWAYS_IS_ROW_NAME (self), NULL);
  return self->label;
}

void
pathways_row_name_set_label (PathwaysRowName *self,
                             const char      *label)
{
  g_return_if_fail (PATHWAYS_IS_ROW_NAME (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_set_data_full (G_OBJECT (self), "pathways-row-label", g_strdup (label), g_free);
  apply (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
