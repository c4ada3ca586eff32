/*  text_join.c: join_pieces(+Pieces, -String), json_text.pl's join of the JSON pieces, in C.

    The JSON writer (proof_json.pl) builds a result as a list of pieces,
    atoms, strings and numbers, and joins them once: some 25 KB a complete
    case. atomics_to_string/2 is the definition; it checks and converts
    every character, which made the join an eighth of a complete case's
    cost. This does the same join by copying the pieces' bytes: it reads
    an atom's or a string's one-byte (ISO Latin 1) text where it lies, and
    converts a number as atomics_to_string/2 does (PL_get_nchars).

    It fails, rather than raising, on anything it does not join the same
    way (a wide character, a piece that is not atomic, a list that is not
    proper): json_text:join_text/2 then calls atomics_to_string/2, which
    gives the answer or the error. tests/prolog/test_text_join.pl checks
    that both give the same text.
*/

#include <SWI-Prolog.h>
#include <stdlib.h>
#include <string.h>

/*  The one-byte text of Piece, or FALSE: an atom's or a string's where it
    lies, a number's converted (into a buffer of SWI-Prolog's ring). */
static int
piece_text(term_t piece, char **text, size_t *length)
{ atom_t atom;

  if ( PL_get_nil(piece) )
    return FALSE;                       /* [] is no text to atomics_to_string/2 */
  if ( PL_get_atom(piece, &atom) )
  { if ( (*text = (char *)PL_atom_nchars(atom, length)) )
      return TRUE;
    return FALSE;                       /* a wide atom, or a blob */
  }
  if ( PL_is_string(piece) )
    return PL_get_string(piece, text, length);  /* fails for a wide string */
  if ( PL_is_number(piece) )
    return PL_get_nchars(piece, length, text, CVT_NUMBER|REP_ISO_LATIN_1);
  return FALSE;
}

static foreign_t
join_pieces(term_t pieces, term_t joined)
{ term_t tail = PL_copy_term_ref(pieces);
  term_t head = PL_new_term_ref();
  size_t capacity = 32768, length = 0;
  char *buffer = malloc(capacity);
  int rc;

  if ( !buffer )
    return PL_resource_error("memory");
  while ( PL_get_list(tail, head, tail) )
  { char *text;
    size_t n;

    if ( !piece_text(head, &text, &n) )
    { free(buffer);
      return FALSE;
    }
    if ( length + n > capacity )
    { char *larger;

      while ( length + n > capacity )
        capacity *= 2;
      if ( !(larger = realloc(buffer, capacity)) )
      { free(buffer);
        return PL_resource_error("memory");
      }
      buffer = larger;
    }
    memcpy(buffer + length, text, n);
    length += n;
  }
  if ( !PL_get_nil(tail) )
  { free(buffer);
    return FALSE;
  }
  rc = PL_unify_chars(joined, PL_STRING|REP_ISO_LATIN_1, length, buffer);
  free(buffer);
  return rc;
}

install_t
install_text_join(void)
{ PL_register_foreign("join_pieces", 2, join_pieces, 0);
}
