/* pathways-sqlite-anchor.c — the audit chain's head, kept outside the
 * database
 *
 * The chain proves that no row was edited, removed or inserted between
 * its first and last rows; it cannot prove that rows were not cut off
 * its end (drop the append-only trigger, delete the newest rows, make
 * the trigger again: what remains still verifies).  So after every
 * commit Pathways notes the log's head (the last row's id and chain
 * digest) in a small file of its own, one per database, in the user's
 * state folder (0700; the file 0600):
 *
 *   $XDG_STATE_HOME/pathways/anchors/<sha256 of the database's real path>
 *
 * and at open (and in `audit verify`) the log must still hold that row
 * with that digest.  The anchor is written after the commit and never
 * synced: after a crash it can only be behind the database (a commit
 * that was never noted), never ahead of it, and a head found further
 * on from the anchor's row is accepted — so a crash is never taken for
 * tampering.  An anchor that cannot be read (cut short by a power cut)
 * counts as none.  A database this computer has not seen (new, copied
 * or moved) starts a new anchor; a database created afresh, a backup
 * restored and a repair replace it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-sqlite"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pathways-sqlite-internal.h"

#define ANCHOR_MAGIC "pathways-audit-anchor-v1"

static char *
real_path (const char *db_path)
{
  char *resolved = realpath (db_path, NULL);
  char *copy;

  if (resolved == NULL)
    return g_canonicalize_filename (db_path, NULL);
  copy = g_strdup (resolved);
  free (resolved);
  return copy;
}

/**
 * pathways_sqlite_anchor_file:
 *
 * Returns: (transfer full): where the anchor of the database at
 *   @db_path is kept
 */
char *
pathways_sqlite_anchor_file (const char *db_path)
{
  g_autofree char *real = real_path (db_path);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real, -1);

  return g_build_filename (g_get_user_state_dir (), "pathways", "anchors", key, NULL);
}

/* FALSE when there is no anchor, or none that can be read */
static gboolean
anchor_load (const char  *anchor_file,
             gint64      *out_seq,
             char       **out_digest)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = 0;
  gint64 seq;
  char *end = NULL;

  if (!g_file_get_contents (anchor_file, &text, &len, NULL) || len > 4096)
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  if (g_strv_length (lines) < 3 || !g_str_equal (lines[0], ANCHOR_MAGIC))
    return FALSE;
  seq = g_ascii_strtoll (lines[1], &end, 10);
  if (end == lines[1] || *end != '\0' || seq < 0 || strlen (lines[2]) != 64)
    return FALSE;
  *out_seq = seq;
  *out_digest = g_strdup (lines[2]);
  return TRUE;
}

/**
 * pathways_sqlite_anchor_save:
 *
 * Notes @seq and @digest as the head of the database's log: a file made
 * 0600 under a new name and renamed over the old one, not synced (see
 * above).  A failure is only a warning: the database is what matters.
 */
void
pathways_sqlite_anchor_save (const char *anchor_file,
                             const char *db_path,
                             gint64      seq,
                             const char *digest)
{
  g_autofree char *dir = g_path_get_dirname (anchor_file);
  g_autofree char *tmp = g_strconcat (anchor_file, ".XXXXXX", NULL);
  g_autofree char *real = real_path (db_path);
  g_autofree char *text = g_strdup_printf (ANCHOR_MAGIC "\n%" G_GINT64_FORMAT "\n%s\n%s\n", seq,
                                           digest ? digest : "", real);
  gsize len = strlen (text), done = 0;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Could not create the folder of the audit anchors: %s", g_strerror (errno));
      return;
    }
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_warning ("Could not note the head of the audit log: %s", g_strerror (errno));
      return;
    }
  while (done < len)
    {
      ssize_t n = write (fd, text + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  if (close (fd) != 0 || done < len || g_rename (tmp, anchor_file) != 0)
    {
      g_warning ("Could not note the head of the audit log: %s", g_strerror (errno));
      g_unlink (tmp);
    }
}

void
pathways_sqlite_anchor_forget (const char *db_path)
{
  g_autofree char *anchor_file = pathways_sqlite_anchor_file (db_path);

  g_unlink (anchor_file);
}

/**
 * pathways_sqlite_audit_head:
 *
 * The id and chain digest of the log's last row (0 and NULL when empty).
 */
gboolean
pathways_sqlite_audit_head (sqlite3  *db,
                            gint64   *out_seq,
                            char    **out_digest)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_seq = 0;
  *out_digest = NULL;
  if (sqlite3_prepare_v2 (db, "SELECT id, chain_digest FROM audit_log ORDER BY id DESC LIMIT 1", -1, &stmt,
                          NULL) != SQLITE_OK)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_seq = sqlite3_column_int64 (stmt, 0);
      *out_digest = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/**
 * pathways_sqlite_anchor_check:
 * @out_row: (out) (optional): the first row found missing or changed
 *
 * Returns: (transfer full) (nullable): what is wrong with the log
 *   against the head this computer last noted, in words, or NULL when
 *   the log still holds it (or there is no anchor)
 */
char *
pathways_sqlite_anchor_check (sqlite3    *db,
                              const char *anchor_file,
                              gint64     *out_row)
{
  g_autofree char *anchored = NULL;
  g_autofree char *found = NULL;
  g_autofree char *head_digest = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 seq = 0, head = 0;
  gboolean present = FALSE;

  if (out_row)
    *out_row = 0;
  if (anchor_file == NULL || !anchor_load (anchor_file, &seq, &anchored) || seq == 0)
    return NULL;
  if (!pathways_sqlite_audit_head (db, &head, &head_digest))
    return NULL;  /* an unreadable log is the inspection's to report */

  if (sqlite3_prepare_v2 (db, "SELECT chain_digest FROM audit_log WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, seq);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          present = TRUE;
          found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        }
    }
  sqlite3_finalize (stmt);

  if (!present)
    {
      if (out_row)
        *out_row = head + 1;
      if (head == 0)
        return g_strdup_printf (_("The audit log is empty, but when Pathways on this computer last wrote to "
                                  "this database it ended at row %" G_GINT64_FORMAT ": its rows were removed."),
                                seq);
      return g_strdup_printf (_("The audit log is shorter than when Pathways on this computer last wrote to "
                                "this database: it ended at row %" G_GINT64_FORMAT " and now ends at row %"
                                G_GINT64_FORMAT ", so rows were cut off its end."), seq, head);
    }
  if (g_strcmp0 (found, anchored) != 0)
    {
      if (out_row)
        *out_row = seq;
      return g_strdup_printf (_("Row %" G_GINT64_FORMAT " of the audit log is not the one Pathways on this "
                                "computer last saw there: the log was cut short and written again, or the "
                                "database file was replaced by another one."), seq);
    }
  return NULL;
}
