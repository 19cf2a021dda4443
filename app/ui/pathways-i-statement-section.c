/* pathways-i-statement-section.c — I statement scores on the Sufficiency page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-i-statement-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pathways-i-statement-section.h"
#include "pathways-widgets.h"

struct _PathwaysIStatementSection
{
  GtkWidget parent_instance;

  GCancellable *cancellable;
  guint         loading;

  GtkWidget  *box;
  GtkListBox *provider_list;
  GtkListBox *kind_list;
  GtkLabel   *error_label;
};

G_DEFINE_FINAL_TYPE (PathwaysIStatementSection, pathways_i_statement_section, GTK_TYPE_WIDGET)

void
pathways_i_statement_rows_fill (GtkListBox               *list,
                                PathwaysIStatementScores *s)
{
  pathways_list_box_clear (list);
  if (s->groups->len == 0)
    pathways_list_box_add_empty_row (list, _("Nobody is in a placement on this day"));
  for (guint i = 0; i < s->groups->len; i++)
    {
      const PathwaysIStatementGroup *g = g_ptr_array_index (s->groups, i);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d young person placed",
                                                                "%d young people placed", g->young_people),
                                                   g->young_people);
      g_autofree char *name = g_strdup_printf ("%s, %s", g->name, subtitle);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      /* That label alone: libadwaita 1.2 labels an action row by its title as well */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      for (guint k = 0; k < s->statements->len; k++)
        {
          const PathwaysIStatementTally *t = &g->tallies[k];
          GtkWidget *line = adw_action_row_new ();
          const char *text = pathways_i_statement_get_text (g_ptr_array_index (s->statements, k));
          g_autofree char *score = t->score < 0 ? g_strdup (_("No answers yet"))
                                                /* Translators: an I statement's score, then the answers */
                                                : g_strdup_printf (_("%.0f%% — %d yes, %d partly, %d no"), t->score,
                                                                   t->yes, t->partly, t->no);
          g_autofree char *lname = g_strdup_printf ("%s, %s", text, score);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), text);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), score);
          gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL, lname, -1);
          /* That label alone, not the title again after it */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }
      gtk_list_box_append (list, row);
    }
}

/* Loading ------------------------------------------------------------------ */

typedef struct {
  PathwaysIStatementScores *by_provider;
  PathwaysIStatementScores *by_kind;
} Scores;

static void
scores_free (Scores *s)
{
  g_clear_pointer (&s->by_provider, pathways_i_statement_scores_free);
  g_clear_pointer (&s->by_kind, pathways_i_statement_scores_free);
  g_free (s);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Scores *s = g_new0 (Scores, 1);
  GError *error = NULL;

  s->by_provider = pathways_i_statement_scores_compute (source_object, task_data, PATHWAYS_I_STATEMENT_BY_PROVIDER,
                                                        &error);
  if (s->by_provider != NULL)
    s->by_kind = pathways_i_statement_scores_compute (source_object, task_data, PATHWAYS_I_STATEMENT_BY_KIND, &error);
  if (s->by_kind == NULL)
    {
      scores_free (s);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, s, (GDestroyNotify) scores_free);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysIStatementSection) self = user_data;
  g_autoptr(GError) error = NULL;
  Scores *s = g_task_propagate_pointer (G_TASK (result), &error);

  self->loading--;
  if (s == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  pathways_i_statement_rows_fill (self->provider_list, s->by_provider);
  pathways_i_statement_rows_fill (self->kind_list, s->by_kind);
  scores_free (s);
}

/* GObject ------------------------------------------------------------------ */

static void
pathways_i_statement_section_dispose (GObject *object)
{
  PathwaysIStatementSection *self = PATHWAYS_I_STATEMENT_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_I_STATEMENT_SECTION);
  G_OBJECT_CLASS (pathways_i_statement_section_parent_class)->dispose (object);
}

static void
pathways_i_statement_section_class_init (PathwaysIStatementSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_i_statement_section_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-i-statement-section.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysIStatementSection, box);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIStatementSection, provider_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIStatementSection, kind_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysIStatementSection, error_label);
}

static void
pathways_i_statement_section_init (PathwaysIStatementSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pathways_i_statement_section_reload:
 * @on: the day (ISO)
 *
 * Works the scores out again for @on, in a worker thread.
 */
void
pathways_i_statement_section_reload (PathwaysIStatementSection *self,
                                     PathwaysStore             *store,
                                     const char                *on)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PATHWAYS_IS_I_STATEMENT_SECTION (self));
  g_return_if_fail (PATHWAYS_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading++;
  task = g_task_new (store, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_i_statement_section_reload);
  g_task_set_task_data (task, g_strdup (on), g_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

gboolean
pathways_i_statement_section_is_loading (PathwaysIStatementSection *self)
{
  g_return_val_if_fail (PATHWAYS_IS_I_STATEMENT_SECTION (self), FALSE);
  return self->loading > 0;
}
