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
 * date Pathways records the entry is marked as an error, says why (how
 * to write one, or the range of dates), and beeps; the mark goes when it
 * reads a date again.
 *
 * Returns: (transfer full) (nullable): the ISO date, or %NULL
 */
char *
pathways_date_entry_read (GtkEditable *entry)
{
  g_autoptr(GError) error = NULL;
  PathwaysDay day;

  /* Not a date, or one outside 01/01/1900–31/12/9999: the tooltip says which */
  if (!pathways_day_parse_user (gtk_editable_get_text (entry), &day, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return NULL;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  return pathways_day_to_iso (day);
}
