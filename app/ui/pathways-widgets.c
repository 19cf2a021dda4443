/* pathways-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-core.h"
#include "pathways-widgets.h"

/**
 * pathways_date_entry_read:
 *
 * Reads the date a person typed (DD/MM/YYYY, day first).  If it is not a
 * date the entry is marked as an error, says how to write one, and
 * beeps; the mark goes when it reads a date again.
 *
 * Returns: (transfer full) (nullable): the ISO date, or %NULL
 */
char *
pathways_date_entry_read (GtkEditable *entry)
{
  char *iso = NULL;

  if (!pathways_date_parse_user (gtk_editable_get_text (entry), &iso))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("Enter a date as DD/MM/YYYY"));
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return NULL;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  return iso;
}
