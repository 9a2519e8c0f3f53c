# Installing iblint like a real tool: `cmake --install build [--prefix DIR]` puts
#   bin/iblint, share/man/man1/iblint.1 (generated from the built binary's help),
#   share/bash-completion/completions/iblint, share/fish/vendor_completions.d/iblint.fish and
#   the zsh completion _iblint (share/zsh/vendor-completions under /usr, as Debian's zsh
#   expects; share/zsh/site-functions under any other prefix);
# and `cpack -G DEB` (in the build folder) builds iblint_<version>_<arch>.deb for /usr.
include(GNUInstallDirs)

set(IBLINT_MAN_PAGE ${CMAKE_BINARY_DIR}/iblint.1)
add_custom_command(
  OUTPUT ${IBLINT_MAN_PAGE}
  COMMAND ${CMAKE_COMMAND} -DIBLINT=$<TARGET_FILE:iblint> -DOUT=${IBLINT_MAN_PAGE}
          -P ${CMAKE_SOURCE_DIR}/tools/generate_man_page.cmake
  DEPENDS iblint ${CMAKE_SOURCE_DIR}/tools/generate_man_page.cmake
  COMMENT "Generating the man page iblint.1 from iblint --help")
add_custom_target(iblint_man ALL DEPENDS ${IBLINT_MAN_PAGE})
if(TARGET iblint_tests)
  add_dependencies(iblint_tests iblint_man)  # the install tests read the generated page
endif()

install(TARGETS iblint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${IBLINT_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES tools/completions/iblint.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME iblint)
install(FILES tools/completions/iblint.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
set(IBLINT_ZSH_COMPLETION_DIR "" CACHE STRING
    "Where _iblint goes, relative to the prefix (default: by prefix, see tools/install.cmake)")
# The prefix is only known at install time (cpack installs to /usr, `cmake --install` to
# CMAKE_INSTALL_PREFIX or --prefix), so the zsh folder is chosen then.
install(CODE "
  set(zsh_dir \"${IBLINT_ZSH_COMPLETION_DIR}\")
  if(NOT zsh_dir)
    if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
      set(zsh_dir share/zsh/vendor-completions)
    else()
      set(zsh_dir share/zsh/site-functions)
    endif()
  endif()
  file(INSTALL \"${CMAKE_SOURCE_DIR}/tools/completions/_iblint\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/\${zsh_dir}\")
")

set(CPACK_PACKAGE_NAME iblint)
set(CPACK_PACKAGE_VENDOR "iblint")
set(CPACK_PACKAGE_CONTACT "iblint maintainers <iblint@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "linter for EC2 Image Builder component documents")
set(CPACK_PACKAGE_DESCRIPTION
    "iblint finds, in milliseconds, the mistakes in AWSTOE component documents that otherwise \
surface deep into an Image Builder build: unknown actions, wrong inputs, broken chaining \
expressions, phases that never run, risky scripts. Text, JSON, SARIF, JUnit and GitHub output.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/iblint/iblint")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # none for a static PIE build; else libc6, libstdc++6
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS shellcheck)  # IB701 runs it when it is on PATH
set(CPACK_DEBIAN_PACKAGE_SUGGESTS pre-commit)
include(CPack)
