/*  diagram_walk.c: the walks of exact.pl over the decision diagrams, in C.

    exact.pl answers every question about the completions of a partial case
    by walking the topics' decision diagrams (mdd.pl) under the case's known
    cells. Those walks are its reference definition, in Prolog; this file
    does the same two walks, node for node, about fifty times faster:

      walk_info(+State, +Known, +Root, -Mask, -Splits)  exact:node_info/3 at Root
      walk_reach(+State, +Known, +Root, +Two, -Mask)    exact:possible_mask/4's reach
      walk_cells(+Cells, -Known)                        Known for exact_known/2's Cells
      walk_counts(+State, +Known, +Roots, +Weights, -Counts)  exact:prolog_counts/4

    Known is the text of the case's known cells, one character per variable
    (`0` + Cell, `0` unknown), that walk_cells/2 makes once a case from the
    term c(Cell1, ..., CellN) of exact_known/2.
    The diagrams are handed over once, by walk_load/7, when exact.pl has
    compiled (or loaded) them. What a walk writes (the memo of the case it
    last asked about) is a state, a blob that walk_new/1 makes and each
    Prolog thread keeps in a global variable of its own (exact:walk_state/1);
    only that thread may walk with it, so walks on several threads share
    nothing they write, and it is freed when the thread (or engine) ends. A
    case's memo lives until the state is asked about another case, so the
    topics of one case share it, as the Prolog memo of exact_query/2 is
    shared. Where a case would need one of exact.pl's sub-queries (never on
    this kb: see fixed_info()), walk_info fails and exact.pl walks it.

    Node codes: a stored node is its id (>= 2); the terminal o(O) is
    -1 - I, where 1 << I is outcome_bit(O, _); a restricted node that is not
    a stored node gets an id above the highest stored id, numbered per case.
*/

#include <SWI-Stream.h>
#include <SWI-Prolog.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t bits;

#define MAX_VARS 63             /* a variable is a bit of Splits */
#define MAX_CELLS 63            /* a cell is a bit of tie_allowed's masks */

/*  The diagrams, as walk_load/7 hands them over; never changed once published. */
typedef struct
{ int   nvars;
  int   ncells[MAX_VARS + 1];
  int   max_id;                 /* stored ids are 2..max_id */
  int  *var;                    /* [max_id + 1] */
  int  *kid_off;                /* [max_id + 2]: node N's kids are kids[kid_off[N] .. kid_off[N+1]) */
  int  *kids;
  bits *mask;                   /* [max_id + 1]: the outcomes below N, whatever the case */
  int   invalid;                /* the index of outcome `invalid` */
  int   lower_ties[MAX_VARS + 1][MAX_VARS + 1];   /* the variables tied to V below it, 0-ended */
  int   max_cells;
  bits *tie_allowed;            /* [(V * (max_cells + 1) + A) * (nvars + 1) + W] */
  int  *stored;                 /* hash table of (var, kids) -> id, 0 empty */
  size_t stored_size;
} diagrams;

static diagrams *current = NULL;   /* the diagrams of the last walk_load/7 */
static atom_t ATOM_c;              /* the name of the term of known cells */

/*  A node's facts under a case: exact:node_info/3's i(Restricted, Mask, Splits). */
typedef struct
{ int  r;
  bits mask;
  bits splits;
} info;

typedef struct
{ info     info;
  unsigned gen;
} memo_cell;

/*  The buffers of the counting walk (root_counts()), kept with a walk state. */
typedef struct
{ int     n;                    /* reachable nodes */
  int    *nodes;                /* in variable order */
  int    *slot;                 /* [max_id + 1]: index in nodes + 1, under gen */
  unsigned *slot_gen;
  unsigned gen;
  double *down;                 /* [n * k] */
  size_t  down_cap;
  double *up;                   /* [n] */
  bits   *dmask;                /* [n] */
} count_walk;

/*  A walk state: what a thread keeps of the case it last asked about. */
typedef struct
{ const diagrams *d;
  int        known[MAX_VARS + 1];
  unsigned   gen;               /* memo cells of this case carry it */
  memo_cell *memo;              /* [max_id + 1] */
  unsigned  *seen;              /* [max_id + 1]: marks of a reach walk */
  unsigned   seen_gen;
  int        next_id;           /* the next restricted id of this case */
  int       *arena;             /* restricted nodes: var, nkids, kids..., id */
  size_t     arena_len, arena_cap;
  size_t    *unique;            /* hash table of arena offsets + 1, 0 empty */
  size_t     unique_size, unique_count;
  int        refused;           /* the case needs a sub-query: exact.pl walks it */
  count_walk cw;                /* allocated with the memo, for walk_counts */
} walk;

static void *
xcalloc(size_t n, size_t size)
{ void *p = calloc(n ? n : 1, size);
  if ( !p ) abort();
  return p;
}

static void *
xrealloc(void *p, size_t size)
{ void *q = realloc(p, size);
  if ( !q ) abort();
  return q;
}

static size_t
hash_node(int var, int nkids, const int *kids)
{ uint64_t h = 1469598103934665603ULL ^ (uint64_t)var;
  for(int i = 0; i < nkids; i++)
  { h ^= (uint64_t)(uint32_t)kids[i];
    h *= 1099511628211ULL;
  }
  return (size_t)(h ^ (h >> 29));
}

static int
kid_count(const diagrams *d, int n)
{ return d->kid_off[n + 1] - d->kid_off[n];
}

static const int *
kids_of(const diagrams *d, int n)
{ return d->kids + d->kid_off[n];
}

/*  The stored node on var with these kids, or 0. */
static int
stored_lookup(const diagrams *d, int var, int nkids, const int *kids)
{ size_t m = d->stored_size - 1;
  for(size_t i = hash_node(var, nkids, kids) & m; d->stored[i]; i = (i + 1) & m)
  { int id = d->stored[i];
    if ( d->var[id] == var && kid_count(d, id) == nkids &&
         memcmp(kids_of(d, id), kids, nkids * sizeof(int)) == 0 )
      return id;
  }
  return 0;
}

static size_t
tie_index(const diagrams *d, int v, int a, int w)
{ return ((size_t)v * (d->max_cells + 1) + a) * (d->nvars + 1) + w;
}

static bits
tie_allowed(const diagrams *d, int v, int a, int w)
{ return d->tie_allowed[tie_index(d, v, a, w)];
}

static bits
all_cells(int n)
{ return n >= 64 ? ~(bits)0 : (((bits)1 << n) - 1);
}

		 /*******************************
		 *           THE STATE          *
		 *******************************/

static void
free_tables(walk *w)
{ free(w->memo); free(w->seen); free(w->arena); free(w->unique);
  free(w->cw.nodes); free(w->cw.slot); free(w->cw.slot_gen); free(w->cw.down); free(w->cw.up);
  free(w->cw.dmask);
}

/*  A new generation of the memo: what it holds is forgotten. */
static void
forget_memo(walk *w)
{ if ( ++w->gen == 0 )
  { memset(w->memo, 0, (w->d->max_id + 1) * sizeof *w->memo);
    w->gen = 1;
  }
}

/*  Forget the case: a new generation of the memo, empty tables. */
static void
new_case(walk *w, const int *known)
{ memcpy(w->known, known, sizeof w->known);
  forget_memo(w);
  w->next_id = w->d->max_id + 1;
  w->arena_len = 0;
  if ( w->unique_count ) memset(w->unique, 0, w->unique_size * sizeof *w->unique);
  w->unique_count = 0;
  w->refused = 0;
}

/*  The state w, ready to walk the diagrams d on the case known. */
static void
prepare(walk *w, const diagrams *d, const int *known)
{ if ( w->d == d )
  { if ( memcmp(w->known, known, sizeof w->known) != 0 )
      new_case(w, known);
    return;
  }
  free_tables(w);
  memset(w, 0, sizeof *w);
  w->d = d;
  w->memo = xcalloc(d->max_id + 1, sizeof *w->memo);
  w->seen = xcalloc(d->max_id + 1, sizeof *w->seen);
  w->unique_size = 1024;
  w->unique = xcalloc(w->unique_size, sizeof *w->unique);
  w->arena_cap = 4096;
  w->arena = xcalloc(w->arena_cap, sizeof *w->arena);
  w->cw.nodes = xcalloc(d->max_id + 1, sizeof *w->cw.nodes);
  w->cw.slot = xcalloc(d->max_id + 1, sizeof *w->cw.slot);
  w->cw.slot_gen = xcalloc(d->max_id + 1, sizeof *w->cw.slot_gen);
  w->cw.up = xcalloc(d->max_id + 1, sizeof *w->cw.up);
  w->cw.dmask = xcalloc(d->max_id + 1, sizeof *w->cw.dmask);
  new_case(w, known);
}

/*  A state's blob holds a handle to it. The state belongs to the Prolog
    thread (or engine) that made it, which alone may walk with it, and is
    freed when that thread ends: the blob itself may be collected much later
    (atom garbage collection runs after thousands of new atoms), and a state
    is some 400 KB. The handle goes when both the thread and the blob are
    gone, whichever goes last (under handles_lock). */
typedef struct
{ walk *w;
  int   owner;                  /* PL_thread_self() of the thread that made it */
  int   thread_alive;
  int   blob_alive;
} handle;

static pthread_mutex_t handles_lock = PTHREAD_MUTEX_INITIALIZER;

/*  The thread ends (alive = &h->thread_alive) or the blob goes (&h->blob_alive). */
static void
handle_gone(handle *h, int *alive)
{ pthread_mutex_lock(&handles_lock);
  if ( h->w )
  { free_tables(h->w);
    free(h->w);
    h->w = NULL;
  }
  *alive = 0;
  int last = !h->thread_alive && !h->blob_alive;
  pthread_mutex_unlock(&handles_lock);
  if ( last ) free(h);
}

static void
thread_ends(void *closure)
{ handle *h = closure;
  handle_gone(h, &h->thread_alive);
}

static int
release_walk(atom_t a)
{ handle *h = PL_blob_data(a, NULL, NULL);
  handle_gone(h, &h->blob_alive);
  return TRUE;
}

static int
write_walk(IOSTREAM *s, atom_t a, int flags)
{ (void)flags;
  Sfprintf(s, "<diagram_walk>(%p)", PL_blob_data(a, NULL, NULL));
  return TRUE;
}

static PL_blob_t walk_blob =
{ PL_BLOB_MAGIC,
  PL_BLOB_NOCOPY,
  "diagram_walk",
  release_walk,
  NULL,
  write_walk,
  NULL
};

/*  The walk state in the blob t, which must be this thread's own. */
static int
get_walk(term_t t, walk **w)
{ void *data;
  PL_blob_t *type;
  if ( !PL_get_blob(t, &data, NULL, &type) || type != &walk_blob )
    return PL_type_error("diagram_walk", t);
  handle *h = data;
  if ( h->owner != PL_thread_self() || !h->w )
    return PL_permission_error("walk_with", "diagram_walk", t);
  *w = h->w;
  return TRUE;
}

		 /*******************************
		 *     THE RESTRICTED NODES     *
		 *******************************/

static void
unique_grow(walk *w)
{ size_t size = w->unique_size * 2, m = size - 1;
  size_t *table = xcalloc(size, sizeof *table);
  for(size_t i = 0; i < w->unique_size; i++)
  { size_t off = w->unique[i];
    if ( off )
    { const int *e = w->arena + off - 1;
      size_t j = hash_node(e[0], e[1], e + 2) & m;
      while ( table[j] ) j = (j + 1) & m;
      table[j] = off;
    }
  }
  free(w->unique);
  w->unique = table;
  w->unique_size = size;
}

/*  The id of the restricted node on var with these kids, numbered anew if it is new. */
static int
unique_id(walk *w, int var, int nkids, const int *kids)
{ if ( 2 * (w->unique_count + 1) > w->unique_size ) unique_grow(w);
  size_t m = w->unique_size - 1, i;
  for(i = hash_node(var, nkids, kids) & m; w->unique[i]; i = (i + 1) & m)
  { const int *e = w->arena + w->unique[i] - 1;
    if ( e[0] == var && e[1] == nkids && memcmp(e + 2, kids, nkids * sizeof(int)) == 0 )
      return e[2 + nkids];
  }
  size_t need = w->arena_len + nkids + 3;
  if ( need > w->arena_cap )
  { while ( need > w->arena_cap ) w->arena_cap *= 2;
    w->arena = xrealloc(w->arena, w->arena_cap * sizeof *w->arena);
  }
  int *e = w->arena + w->arena_len;
  e[0] = var; e[1] = nkids;
  memcpy(e + 2, kids, nkids * sizeof(int));
  e[2 + nkids] = w->next_id++;
  w->unique[i] = w->arena_len + 1;
  w->arena_len = need;
  w->unique_count++;
  return e[2 + nkids];
}

/*  exact:restricted/6: the node n on var whose kids restrict to infos. */
static int
restricted(walk *w, int n, int var, int nkids, const int *kids, const info *infos)
{ int same = 1, equal = 1, rs[MAX_CELLS + 1];
  for(int i = 0; i < nkids; i++)
  { rs[i] = infos[i].r;
    if ( rs[i] != kids[i] ) same = 0;
    if ( rs[i] != rs[0] ) equal = 0;
  }
  if ( same ) return n;
  if ( equal ) return rs[0];
  int id = stored_lookup(w->d, var, nkids, rs);
  return id ? id : unique_id(w, var, nkids, rs);
}

		 /*******************************
		 *           NODE INFO          *
		 *******************************/

static info node_info(walk *w, int n);

/*  exact:valid_differ/1: two children with valid completions are different functions. */
static int
valid_differ(int nkids, const info *infos)
{ int first = -1;
  for(int i = 0; i < nkids; i++)
  { if ( !infos[i].mask ) continue;
    if ( first < 0 ) first = i;
    else if ( infos[i].r != infos[first].r ) return 1;
  }
  return 0;
}

/*  exact:fixed_info/5: node n's facts with the fixed cells known too,
    where they are found by following them down (exact.pl's field order
    puts the fields a contradiction ties together next to each other, so
    this is so on the kb: not one of the 1,600 cases of the measurement
    needed more). Else the case is refused: exact.pl's sub-query walks it. */
static info
fixed_info(walk *w, int n, int nfixed, const int *fvars, const int *fcells)
{ const diagrams *d = w->d;
  int r = n;
  while ( r > 0 )
  { int v = d->var[r], c = w->known[v];
    for(int i = 0; i < nfixed; i++) if ( fvars[i] == v ) c = fcells[i];
    if ( c <= 0 ) break;
    r = kids_of(d, r)[c - 1];
  }
  int below_all = 1;
  if ( r > 0 )
  { for(int i = 0; i < nfixed; i++) if ( fvars[i] > d->var[r] ) below_all = 0;
  }
  if ( below_all ) return node_info(w, r);
  w->refused = 1;
  return node_info(w, r);
}

/*  exact:tied_split/5: var v, tied to the unknown variables ws below it, splits. */
static int
tied_split(walk *w, int nws, const int *ws, int v, int nkids, const int *kids, const info *infos)
{ const diagrams *d = w->d;
  for(int a = 0; a < nkids; a++)
  { if ( !infos[a].mask ) continue;
    for(int b = a + 1; b < nkids; b++)
    { if ( !infos[b].mask || infos[a].r == infos[b].r ) continue;
      int fvars[MAX_VARS], fcells[MAX_VARS], nf = 0, empty = 0;
      bits both[MAX_VARS];
      for(int i = 0; i < nws; i++)
      { int wv = ws[i];
        bits all = all_cells(d->ncells[wv]);
        bits x = tie_allowed(d, v, a + 1, wv) & tie_allowed(d, v, b + 1, wv);
        if ( x != all )
        { if ( !x ) empty = 1;
          fvars[nf] = wv; both[nf] = x; nf++;
        }
      }
      if ( empty ) continue;
      /* every fixing: a cell of both[i] for each fvars[i], as an odometer */
      for(int i = 0; i < nf; i++) fcells[i] = __builtin_ctzll(both[i]) + 1;
      for(;;)
      { info sa = fixed_info(w, kids[a], nf, fvars, fcells);
        info sb = fixed_info(w, kids[b], nf, fvars, fcells);
        if ( sa.mask && sb.mask && sa.r != sb.r ) return 1;
        int i = 0;
        for(; i < nf; i++)
        { bits rest = both[i] & ~all_cells(fcells[i]);
          if ( rest ) { fcells[i] = __builtin_ctzll(rest) + 1; break; }
          fcells[i] = __builtin_ctzll(both[i]) + 1;
        }
        if ( i == nf ) break;
      }
    }
  }
  return 0;
}

/*  exact:splits/4: var v splits at the node with these kids. */
static int
splits(walk *w, int v, int nkids, const int *kids, const info *infos)
{ int ws[MAX_VARS], nws = 0;
  for(const int *t = w->d->lower_ties[v]; *t; t++)
    if ( w->known[*t] == 0 ) ws[nws++] = *t;
  return nws ? tied_split(w, nws, ws, v, nkids, kids, infos) : valid_differ(nkids, infos);
}

/*  exact:node_info/3: node n's facts under the case. */
static info
node_info(walk *w, int n)
{ const diagrams *d = w->d;
  info out;
  if ( n < 0 )
  { int o = -1 - n;
    out.r = n;
    out.mask = o == d->invalid ? 0 : (bits)1 << o;
    out.splits = 0;
    return out;
  }
  if ( w->memo[n].gen == w->gen ) return w->memo[n].info;
  int v = d->var[n], c = w->known[v];
  const int *kids = kids_of(d, n);
  if ( c > 0 )
  { out = node_info(w, kids[c - 1]);
  } else
  { int nkids = kid_count(d, n);
    info infos[nkids];
    out.mask = 0;
    out.splits = 0;
    for(int i = 0; i < nkids; i++)
    { infos[i] = node_info(w, kids[i]);
      out.mask |= infos[i].mask;
      out.splits |= infos[i].splits;
    }
    out.r = restricted(w, n, v, nkids, kids, infos);
    if ( splits(w, v, nkids, kids, infos) )
      out.splits |= (bits)1 << v;
  }
  w->memo[n].info = out;
  w->memo[n].gen = w->gen;
  return out;
}

		 /*******************************
		 *             REACH            *
		 *******************************/

/*  exact:reach/6: the outcome bits of the valid completions below n, added to found. */
static bits
reach(walk *w, int n, bits found, bits all, int two, bits inv)
{ const diagrams *d = w->d;
  if ( found == all || (two && (found & (found - 1))) ) return found;
  if ( n < 0 ) return found | (((bits)1 << (-1 - n)) & ~inv);
  if ( !(d->mask[n] & ~found & all) ) return found;
  if ( w->seen[n] == w->seen_gen ) return found;
  w->seen[n] = w->seen_gen;
  const int *kids = kids_of(d, n);
  int c = w->known[d->var[n]];
  if ( c > 0 ) return reach(w, kids[c - 1], found, all, two, inv);
  for(int i = 0, nkids = kid_count(d, n); i < nkids; i++)
    found = reach(w, kids[i], found, all, two, inv);
  return found;
}

		 /*******************************
		 *            COUNTS            *
		 *******************************/

/*  exact:prolog_counts/4 at one root: for every unknown variable v, the
    information its answer gives on the outcome (in bits) under the weights
    (a product measure: w[v][c] sums to 1 over v's cells) conditioned on the
    valid completions, and whether some cell of v that a valid completion
    has removes an outcome (the bit v of *removing).

    The nodes reachable under the case are taken in variable order: down(n)
    is the weight of each outcome below n, up(n) the weight of the paths from
    the root to n. A completion with v = c passes a node on v through its
    kid c, or skips v (v does not matter on its path), so
        P(v = c, o) = sum over n on v of up(n) w[v][c] down(kid_c(n))[o]
                      + w[v][c] (T[o] - sum over n on v of up(n) down(n)[o]),
    T = down(root). The masks of the outcomes (exact, unlike the weights)
    follow the same two ways. */

#define MAX_OUTCOMES 64


static int
outcome_index(const bits *outs, int k, int o)
{ for(int i = 0; i < k; i++) if ( outs[i] == (bits)1 << o ) return i;
  return -1;
}

static bits
kid_mask(const count_walk *cw, const diagrams *d, int kid)
{ if ( kid < 0 ) { int o = -1 - kid; return o == d->invalid ? 0 : (bits)1 << o; }
  return cw->dmask[cw->slot[kid] - 1];
}

static int
kid_var(const diagrams *d, int kid)
{ return kid < 0 ? d->nvars + 1 : d->var[kid];
}

static double
entropy(const double *p, int k, double total)
{ double h = 0;
  if ( total <= 0 ) return 0;
  for(int i = 0; i < k; i++)
    if ( p[i] > 0 ) { double q = p[i] / total; h -= q * __builtin_log2(q); }
  return h;
}

/*  The counts at root, as r(Gains, Removing) unified with out. */
static int
root_counts(walk *w, count_walk *cw, const double *weight, const int *woff, int root, term_t out)
{ const diagrams *d = w->d;
  bits inv = (bits)1 << d->invalid;
  bits rmask = (root < 0 ? (bits)1 << (-1 - root) : d->mask[root]) & ~inv;
  bits outs[MAX_OUTCOMES];
  int k = 0;
  for(int o = 0; o < 64; o++) if ( rmask & ((bits)1 << o) ) outs[k++] = (bits)1 << o;
  if ( k == 0 ) k = 1;
  /* the reachable nodes, by a walk from the root */
  if ( ++cw->gen == 0 ) { memset(cw->slot_gen, 0, (d->max_id + 1) * sizeof *cw->slot_gen); cw->gen = 1; }
  cw->n = 0;
  if ( root > 0 )
  { cw->nodes[cw->n++] = root;
    cw->slot_gen[root] = cw->gen;
    for(int i = 0; i < cw->n; i++)
    { int n = cw->nodes[i], v = d->var[n], c = w->known[v];
      const int *kids = kids_of(d, n);
      for(int j = 0, nk = kid_count(d, n); j < nk; j++)
      { if ( c > 0 && j != c - 1 ) continue;
        int kid = kids[j];
        if ( kid > 0 && cw->slot_gen[kid] != cw->gen )
        { cw->slot_gen[kid] = cw->gen;
          cw->nodes[cw->n++] = kid;
        }
      }
    }
    /* in variable order (a counting sort): parents before kids */
    int count[MAX_VARS + 2] = {0}, *sorted = xcalloc(cw->n, sizeof *sorted);
    for(int i = 0; i < cw->n; i++) count[d->var[cw->nodes[i]] + 1]++;
    for(int v = 1; v <= d->nvars + 1; v++) count[v] += count[v - 1];
    for(int i = 0; i < cw->n; i++) sorted[count[d->var[cw->nodes[i]]]++] = cw->nodes[i];
    memcpy(cw->nodes, sorted, cw->n * sizeof *sorted);
    free(sorted);
    for(int i = 0; i < cw->n; i++) cw->slot[cw->nodes[i]] = i + 1;
  }
  if ( (size_t)cw->n * k > cw->down_cap )
  { free(cw->down);
    cw->down_cap = (size_t)cw->n * k;
    cw->down = xcalloc(cw->down_cap, sizeof *cw->down);
  }
  double *down = cw->down, *up = cw->up;
  memset(down, 0, (size_t)cw->n * k * sizeof *down);
  memset(up, 0, (size_t)cw->n * sizeof *up);
  double total[MAX_OUTCOMES] = {0};
  /* down, last variable first */
  for(int i = cw->n - 1; i >= 0; i--)
  { int n = cw->nodes[i], v = d->var[n], c = w->known[v];
    const int *kids = kids_of(d, n);
    bits m = 0;
    for(int j = 0, nk = kid_count(d, n); j < nk; j++)
    { if ( c > 0 && j != c - 1 ) continue;
      double wc = c > 0 ? 1.0 : weight[woff[v] + j];
      int kid = kids[j];
      m |= kid_mask(cw, d, kid);
      if ( kid < 0 )
      { int o = outcome_index(outs, k, -1 - kid);
        if ( o >= 0 && -1 - kid != d->invalid ) down[(size_t)i * k + o] += wc;
      } else
      { const double *kd = down + (size_t)(cw->slot[kid] - 1) * k;
        for(int o = 0; o < k; o++) down[(size_t)i * k + o] += wc * kd[o];
      }
    }
    cw->dmask[i] = m;
  }
  bits root_mask;
  if ( root > 0 )
  { memcpy(total, down, k * sizeof *total);
    root_mask = cw->dmask[0];
    up[0] = 1.0;
  } else
  { int o = outcome_index(outs, k, -1 - root);
    if ( o >= 0 && -1 - root != d->invalid ) total[o] = 1.0;
    root_mask = kid_mask(cw, d, root);
  }
  /* up, first variable first; and the masks of paths that skip a variable */
  bits skip[MAX_VARS + 2] = {0};
  for(int v = 1; v < kid_var(d, root); v++) skip[v] |= root_mask;
  for(int i = 0; i < cw->n; i++)
  { int n = cw->nodes[i], v = d->var[n], c = w->known[v];
    const int *kids = kids_of(d, n);
    for(int j = 0, nk = kid_count(d, n); j < nk; j++)
    { if ( c > 0 && j != c - 1 ) continue;
      double wc = c > 0 ? 1.0 : weight[woff[v] + j];
      int kid = kids[j];
      bits km = kid_mask(cw, d, kid);
      for(int x = v + 1; x < kid_var(d, kid); x++) skip[x] |= km;
      if ( kid > 0 ) up[cw->slot[kid] - 1] += up[i] * wc;
    }
  }
  double z = 0;
  for(int o = 0; o < k; o++) z += total[o];
  double h = entropy(total, k, z);
  /* per unknown variable */
  term_t gains = PL_new_term_ref();
  if ( !PL_put_nil(gains) ) return FALSE;
  bits removing = 0;
  int end = cw->n;                      /* the nodes on v are nodes[start .. end) */
  for(int v = d->nvars; v >= 1; v--)
  { int start = end;
    while ( start > 0 && d->var[cw->nodes[start - 1]] == v ) start--;
    int any = start < end, stop = end;
    end = start;
    if ( w->known[v] || !any ) continue;  /* known, or it matters on no path: no information */
    int nc = d->ncells[v];
    double joint[MAX_CELLS][MAX_OUTCOMES], through[MAX_OUTCOMES] = {0};
    bits cmask[MAX_CELLS];
    for(int c = 0; c < nc; c++) { cmask[c] = skip[v]; for(int o = 0; o < k; o++) joint[c][o] = 0; }
    for(int i = start; i < stop; i++)
    { int n = cw->nodes[i];
      const int *kids = kids_of(d, n);
      for(int o = 0; o < k; o++) through[o] += up[i] * down[(size_t)i * k + o];
      for(int c = 0; c < nc; c++)
      { int kid = kids[c];
        double wc = weight[woff[v] + c] * up[i];
        cmask[c] |= kid_mask(cw, d, kid);
        if ( kid < 0 )
        { int o = outcome_index(outs, k, -1 - kid);
          if ( o >= 0 && -1 - kid != d->invalid ) joint[c][o] += wc;
        } else
        { const double *kd = down + (size_t)(cw->slot[kid] - 1) * k;
          for(int o = 0; o < k; o++) joint[c][o] += wc * kd[o];
        }
      }
    }
    double cond = 0;
    for(int c = 0; c < nc; c++)
    { double pc = 0;
      for(int o = 0; o < k; o++)
      { double rest = total[o] - through[o];
        joint[c][o] += weight[woff[v] + c] * (rest > 0 ? rest : 0);
        pc += joint[c][o];
      }
      cond += z > 0 ? pc / z * entropy(joint[c], k, pc) : 0;
      if ( cmask[c] && cmask[c] != root_mask ) removing |= (bits)1 << v;
    }
    double gain = h - cond;
    if ( gain > 1e-12 )
    { term_t pair = PL_new_term_ref(), vt = PL_new_term_ref(), gt = PL_new_term_ref();
      functor_t minus = PL_new_functor(PL_new_atom("-"), 2);
      if ( !PL_put_integer(vt, v) || !PL_put_float(gt, gain) || !PL_cons_functor(pair, minus, vt, gt) ||
           !PL_cons_list(gains, pair, gains) ) return FALSE;
    }
  }
  term_t rt = PL_new_term_ref(), mt = PL_new_term_ref();
  return PL_put_uint64(mt, removing) &&
         PL_cons_functor(rt, PL_new_functor(PL_new_atom("r"), 2), gains, mt) &&
         PL_unify(out, rt);
}

		 /*******************************
		 *        THE PREDICATES        *
		 *******************************/

static int
get_int_arg(term_t t, int i, int *value)
{ term_t a = PL_new_term_ref();
  return PL_get_arg(i, t, a) && PL_get_integer(a, value);
}

/*  The cells of the known-cells text (walk_cells/2) into known[1..nvars]. */
static int
get_known(const diagrams *d, term_t t, int *known)
{ size_t len;
  char *s;
  memset(known, 0, (MAX_VARS + 1) * sizeof(int));
  if ( !PL_get_nchars(t, &len, &s, CVT_STRING) ) return PL_type_error("known_cells", t);
  if ( len != (size_t)d->nvars ) return PL_domain_error("known_cells", t);
  for(int v = 1; v <= d->nvars; v++)
  { known[v] = (unsigned char)s[v - 1] - '0';
    if ( known[v] < 0 || known[v] > d->ncells[v] ) return PL_domain_error("cell", t);
  }
  return TRUE;
}

static int
get_code(const diagrams *d, term_t t, int *code)
{ if ( !PL_get_integer_ex(t, code) ) return FALSE;
  if ( (*code > 0 && (*code < 2 || *code > d->max_id || !d->var[*code])) || *code == 0 || *code < -64 )
    return PL_domain_error("diagram_node", t);
  return TRUE;
}

static const diagrams *
loaded(void)
{ const diagrams *d = __atomic_load_n(&current, __ATOMIC_ACQUIRE);
  if ( !d ) PL_existence_error("diagrams", PL_new_term_ref());
  return d;
}

/*  walk_new(-State): a state for this thread, freed when it ends. */
static foreign_t
pl_walk_new(term_t state_t)
{ term_t blob = PL_new_term_ref();
  handle *h = xcalloc(1, sizeof *h);
  h->w = xcalloc(1, sizeof *h->w);
  h->owner = PL_thread_self();
  h->thread_alive = h->blob_alive = 1;
  if ( !PL_put_blob(blob, h, sizeof *h, &walk_blob) )
  { free(h->w);
    free(h);
    return FALSE;
  }
  /* from here on the blob owns the handle: a failing unification leaves it to garbage collection */
  PL_thread_at_exit(thread_ends, h, FALSE);
  return PL_unify(state_t, blob);
}

/*  walk_cells(+Cells, -Known): Known is the text the walks read for the
    term Cells, c(Cell1, ..., CellN) of exact:exact_known/2: the character
    `0` + Cell for each variable. Made once a case, it is read at once by
    each walk, not an argument at a time. */
static foreign_t
pl_walk_cells(term_t cells_t, term_t known_t)
{ const diagrams *d = loaded();
  size_t arity;
  atom_t name;
  char text[MAX_VARS];
  if ( !d ) return FALSE;
  if ( !PL_get_name_arity(cells_t, &name, &arity) || (int)arity != d->nvars || name != ATOM_c )
    return PL_type_error("known_cells", cells_t);
  term_t a = PL_new_term_ref();
  for(int v = 1; v <= d->nvars; v++)
  { int cell;
    if ( !PL_get_arg(v, cells_t, a) || !PL_get_integer_ex(a, &cell) ) return FALSE;
    if ( cell < 0 || cell > d->ncells[v] ) return PL_domain_error("cell", a);
    text[v - 1] = (char)('0' + cell);
  }
  return PL_unify_chars(known_t, PL_STRING, (size_t)d->nvars, text);
}

/*  walk_info(+State, +Known, +Root, -Mask, -Splits): fails where the case
    needs a sub-query (see fixed_info()), which exact.pl then walks. */
static foreign_t
pl_walk_info(term_t state_t, term_t known_t, term_t root_t, term_t mask_t, term_t splits_t)
{ const diagrams *d = loaded();
  int known[MAX_VARS + 1], root;
  walk *w = NULL;
  if ( !d || !get_walk(state_t, &w) || !get_known(d, known_t, known) || !get_code(d, root_t, &root) )
    return FALSE;
  prepare(w, d, known);
  if ( w->refused ) return FALSE;
  info in = node_info(w, root);
  if ( w->refused )
  { forget_memo(w);                     /* what it holds rests on a guess */
    return FALSE;
  }
  return PL_unify_uint64(mask_t, in.mask) && PL_unify_uint64(splits_t, in.splits);
}

/*  walk_reach(+State, +Known, +Root, +Two, -Mask): Two is true to stop at the second outcome. */
static foreign_t
pl_walk_reach(term_t state_t, term_t known_t, term_t root_t, term_t two_t, term_t mask_t)
{ const diagrams *d = loaded();
  int known[MAX_VARS + 1], root, two;
  walk *w = NULL;
  if ( !d || !get_walk(state_t, &w) || !get_known(d, known_t, known) || !get_code(d, root_t, &root) ||
       !PL_get_bool_ex(two_t, &two) ) return FALSE;
  prepare(w, d, known);
  bits inv = (bits)1 << d->invalid;
  bits all = (root < 0 ? (bits)1 << (-1 - root) : d->mask[root]) & ~inv;
  if ( ++w->seen_gen == 0 )
  { memset(w->seen, 0, (d->max_id + 1) * sizeof *w->seen);
    w->seen_gen = 1;
  }
  return PL_unify_uint64(mask_t, reach(w, root, 0, all, two, inv));
}

/*  walk_counts(+State, +Known, +Roots, +Weights, -Counts): Counts has an
    r(Gains, Removing) per root of Roots (see root_counts()); Weights is []
    (uniform over each variable's cells) or a number per cell, in variable
    order, each variable's summing to 1. */
static foreign_t
pl_walk_counts(term_t state_t, term_t known_t, term_t roots_t, term_t weights_t, term_t counts_t)
{ const diagrams *d = loaded();
  int known[MAX_VARS + 1];
  walk *w = NULL;
  if ( !d || !get_walk(state_t, &w) || !get_known(d, known_t, known) ) return FALSE;
  prepare(w, d, known);
  int woff[MAX_VARS + 2], ncell = 0;
  for(int v = 1; v <= d->nvars; v++) { woff[v] = ncell; ncell += d->ncells[v]; }
  double *weight = xcalloc(ncell, sizeof *weight);
  term_t head = PL_new_term_ref(), tail = PL_copy_term_ref(weights_t);
  int i = 0, ok = TRUE;
  while ( ok && PL_get_list(tail, head, tail) )
  { if ( i >= ncell ) ok = PL_domain_error("cell_weights", weights_t);
    else if ( !PL_get_float_ex(head, &weight[i]) ) ok = FALSE;
    else if ( !(weight[i] >= 0 && weight[i] <= 1) ) ok = PL_domain_error("cell_weight", head);
    i++;
  }
  if ( ok && !PL_get_nil_ex(tail) ) ok = FALSE;
  if ( ok && i == 0 )
  { for(int v = 1; v <= d->nvars; v++)
      for(int c = 0; c < d->ncells[v]; c++) weight[woff[v] + c] = 1.0 / d->ncells[v];
  } else if ( ok && i != ncell ) ok = PL_domain_error("cell_weights", weights_t);
  term_t rs = PL_copy_term_ref(roots_t), out = PL_copy_term_ref(counts_t);
  term_t oh = PL_new_term_ref();
  while ( ok && PL_get_list(rs, head, rs) )
  { int root;
    if ( !get_code(d, head, &root) ) { ok = FALSE; break; }
    if ( !PL_unify_list(out, oh, out) || !root_counts(w, &w->cw, weight, woff, root, oh) ) ok = FALSE;
  }
  if ( ok ) ok = PL_get_nil_ex(rs) && PL_unify_nil(out);
  free(weight);
  return ok;
}

/*  The static mask of node n (the outcomes below it), computed once. */
static bits
static_mask(diagrams *d, int n, char *done)
{ if ( n < 0 ) return (bits)1 << (-1 - n);
  if ( !done[n] )
  { bits m = 0;
    for(int i = 0, k = kid_count(d, n); i < k; i++) m |= static_mask(d, kids_of(d, n)[i], done);
    d->mask[n] = m;
    done[n] = 1;
  }
  return d->mask[n];
}

static int
list_ints(term_t list, int max, int *out, int *n)
{ term_t head = PL_new_term_ref(), tail = PL_copy_term_ref(list);
  *n = 0;
  while ( PL_get_list(tail, head, tail) )
  { if ( *n >= max ) return PL_representation_error("list_length");
    if ( !PL_get_integer_ex(head, &out[(*n)++]) ) return FALSE;
  }
  return PL_get_nil_ex(tail);
}

static void
free_diagrams(diagrams *d)
{ free(d->var); free(d->kid_off); free(d->kids); free(d->mask);
  free(d->stored); free(d->tie_allowed);
  free(d);
}

/*  The nodes of the list nodes_t, n(Id, Var, KidCodes), into d: a pass for
    the kid counts, then one for the kids, in id order. Every id once, every
    kid a stored node on a later variable or a terminal (so the diagram is
    ordered, and its walks end). */
static int
load_nodes(diagrams *d, term_t nodes_t, int size)
{ int ok = FALSE, *count = xcalloc(d->max_id + 1, sizeof *count);
  term_t head = PL_new_term_ref(), tail = PL_copy_term_ref(nodes_t), a = PL_new_term_ref();
  while ( PL_get_list(tail, head, tail) )
  { int id, v, k[MAX_CELLS + 1], nk;
    if ( !get_int_arg(head, 1, &id) || !get_int_arg(head, 2, &v) || id < 2 || id > d->max_id ||
         d->var[id] || v < 1 || v > d->nvars || !PL_get_arg(3, head, a) ||
         !list_ints(a, MAX_CELLS, k, &nk) || nk != d->ncells[v] )
    { PL_domain_error("diagram_node", head);
      goto out;
    }
    d->var[id] = v;
    count[id] = nk;
  }
  if ( !PL_get_nil_ex(tail) ) goto out;
  for(int id = 1; id <= d->max_id; id++) d->kid_off[id + 1] = d->kid_off[id] + count[id];
  if ( d->kid_off[d->max_id + 1] != size )
  { PL_domain_error("kid_count", nodes_t);
    goto out;
  }
  tail = PL_copy_term_ref(nodes_t);
  while ( PL_get_list(tail, head, tail) )
  { int id, nk;
    if ( !get_int_arg(head, 1, &id) || !PL_get_arg(3, head, a) ||
         !list_ints(a, count[id], d->kids + d->kid_off[id], &nk) )
      goto out;
  }
  for(int id = 2; id <= d->max_id; id++)
  { for(int i = 0; d->var[id] && i < kid_count(d, id); i++)
    { int k = kids_of(d, id)[i];
      if ( k == 0 || k < -64 || (k > 0 && (k > d->max_id || d->var[k] <= d->var[id])) )
      { PL_domain_error("ordered_diagram", nodes_t);
        goto out;
      }
    }
  }
  ok = TRUE;
out:
  free(count);
  return ok;
}

/*  The ties of lower_t (V-Ws) and allowed_t (t(V, A, W, Cells)) into d. */
static int
load_ties(diagrams *d, term_t lower_t, term_t allowed_t)
{ term_t head = PL_new_term_ref(), tail = PL_copy_term_ref(lower_t), a = PL_new_term_ref();
  while ( PL_get_list(tail, head, tail) )
  { int v, ws[MAX_VARS], nws;
    if ( !get_int_arg(head, 1, &v) || v < 1 || v > d->nvars || d->lower_ties[v][0] ||
         !PL_get_arg(2, head, a) || !list_ints(a, MAX_VARS - 1, ws, &nws) )
      return PL_domain_error("lower_ties", head);
    for(int i = 0; i < nws; i++)
    { if ( ws[i] <= v || ws[i] > d->nvars ) return PL_domain_error("lower_ties", head);
      d->lower_ties[v][i] = ws[i];
    }
  }
  if ( !PL_get_nil_ex(tail) ) return FALSE;
  d->tie_allowed = xcalloc(tie_index(d, d->nvars + 1, 0, 0), sizeof(bits));
  for(int v = 1; v <= d->nvars; v++)
    for(int c = 1; c <= d->ncells[v]; c++)
      for(int w = 1; w <= d->nvars; w++)
        d->tie_allowed[tie_index(d, v, c, w)] = all_cells(d->ncells[w]);
  tail = PL_copy_term_ref(allowed_t);
  while ( PL_get_list(tail, head, tail) )
  { int v, c, w, cs[MAX_CELLS + 1], ncs;
    if ( !get_int_arg(head, 1, &v) || !get_int_arg(head, 2, &c) || !get_int_arg(head, 3, &w) ||
         v < 1 || v > d->nvars || w < 1 || w > d->nvars || c < 1 || c > d->ncells[v] ||
         !PL_get_arg(4, head, a) || !list_ints(a, MAX_CELLS, cs, &ncs) )
      return PL_domain_error("tie_allowed", head);
    bits m = 0;
    for(int i = 0; i < ncs; i++)
    { if ( cs[i] < 1 || cs[i] > d->ncells[w] ) return PL_domain_error("tie_allowed", head);
      m |= (bits)1 << (cs[i] - 1);
    }
    d->tie_allowed[tie_index(d, v, c, w)] = m;
  }
  return PL_get_nil_ex(tail);
}

/*  walk_load(+Cells, +MaxId, +Nodes, +Invalid, +LowerTies, +TieAllowed, +Size)

    Cells: the number of cells of each variable, in variable order.
    Nodes: n(Id, Var, KidCodes) for every stored node; MaxId the highest id.
    Invalid: the index of outcome `invalid`.
    LowerTies: V-Ws, the variables Ws tied to V below it.
    TieAllowed: t(V, A, W, Cells), the cells of W that V's cell A allows.
    Size: the number of kid codes in Nodes.
    The diagrams are checked whole before they are published; the ones they
    replace stay (walks on other threads may still be reading them). */
static foreign_t
pl_walk_load(term_t cells_t, term_t max_t, term_t nodes_t, term_t invalid_t,
             term_t lower_t, term_t allowed_t, term_t size_t_)
{ int cells[MAX_VARS], nvars, max_id, invalid, size;
  if ( !list_ints(cells_t, MAX_VARS, cells, &nvars) ||
       !PL_get_integer_ex(max_t, &max_id) || !PL_get_integer_ex(invalid_t, &invalid) ||
       !PL_get_integer_ex(size_t_, &size) )
    return FALSE;
  if ( invalid < 0 || invalid > 63 ) return PL_domain_error("outcome_index", invalid_t);
  if ( max_id < 1 || max_id > (1 << 26) ) return PL_domain_error("node_count", max_t);
  if ( size < 0 || (long long)size > (long long)max_id * MAX_CELLS ) return PL_domain_error("kid_count", size_t_);
  diagrams *d = xcalloc(1, sizeof *d);
  d->nvars = nvars;
  d->max_id = max_id;
  d->invalid = invalid;
  for(int v = 0; v < nvars; v++)
  { if ( cells[v] < 1 || cells[v] > MAX_CELLS )
    { free_diagrams(d);
      return PL_domain_error("cell_count", cells_t);
    }
    d->ncells[v + 1] = cells[v];
    if ( cells[v] > d->max_cells ) d->max_cells = cells[v];
  }
  d->var = xcalloc(max_id + 1, sizeof *d->var);
  d->kid_off = xcalloc(max_id + 2, sizeof *d->kid_off);
  d->kids = xcalloc(size, sizeof *d->kids);
  d->mask = xcalloc(max_id + 1, sizeof *d->mask);
  if ( !load_nodes(d, nodes_t, size) || !load_ties(d, lower_t, allowed_t) )
  { free_diagrams(d);
    return FALSE;
  }
  char *done = xcalloc(max_id + 1, 1);
  for(int id = 2; id <= max_id; id++) if ( d->var[id] ) static_mask(d, id, done);
  free(done);
  /* the stored nodes' hash table */
  d->stored_size = 1024;
  while ( d->stored_size < 2 * (size_t)max_id ) d->stored_size *= 2;
  d->stored = xcalloc(d->stored_size, sizeof *d->stored);
  for(int id = 2; id <= max_id; id++)
  { if ( !d->var[id] ) continue;
    size_t m = d->stored_size - 1, i = hash_node(d->var[id], kid_count(d, id), kids_of(d, id)) & m;
    while ( d->stored[i] ) i = (i + 1) & m;
    d->stored[i] = id;
  }
  /* published for every thread */
  __atomic_store_n(&current, d, __ATOMIC_RELEASE);
  return TRUE;
}

install_t
install_diagram_walk(void)
{ ATOM_c = PL_new_atom("c");
  PL_register_foreign("walk_load", 7, pl_walk_load, 0);
  PL_register_foreign("walk_new", 1, pl_walk_new, 0);
  PL_register_foreign("walk_cells", 2, pl_walk_cells, 0);
  PL_register_foreign("walk_info", 5, pl_walk_info, 0);
  PL_register_foreign("walk_reach", 5, pl_walk_reach, 0);
  PL_register_foreign("walk_counts", 5, pl_walk_counts, 0);
}
