// jemalloc's options for the programs that CMakeLists.txt links with it (iblint_link_program):
// jemalloc reads this variable before its first allocation; MALLOC_CONF still overrides it.
//
// thp:always asks the kernel to back the heap with transparent huge pages where it allows them
// (`madvise` or `always` in /sys/kernel/mm/transparent_hugepage/enabled; with `never` nothing
// changes). A tree-sitter parse touches fresh memory fast, and on a virtual machine each first
// touch of a 4 KiB page is a costly fault: on the 2.4 MB bench component, 9,843 faults became
// 1,306 and the lint's CPU time 421 -> 323 ms; one small file's whole process 7.9 -> 6.0 ms.
// The price is resident memory in 2 MiB steps: peak 44.4 -> 53.3 MB on that component (the
// target is 10x the input + 32 MiB, 57.8 MB). bench/README.md has the figures.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always";
}
