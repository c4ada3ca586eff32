/* Runs every plunit file in tests/prolog/ (loaded after kb/load.pl). */
:- use_module(library(plunit)).
:- prolog_load_context(directory, Dir),
   directory_files(Dir, Files),
   forall(( member(F, Files), atom_concat(test_, _, F), file_name_extension(_, pl, F) ),
          ( directory_file_path(Dir, F, Path), load_files(Path, []) )).

run_all :-
    run_tests,
    format("plunit: all Prolog tests passed~n").
