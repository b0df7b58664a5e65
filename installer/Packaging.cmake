# Installation layout and the Debian package (CPack DEB). Included at the end
# of the top-level CMakeLists, after every target exists; packaging stays out
# of the source folders' lists (STYLE.md).
#
#   cmake --build build && (cd build && cpack -G DEB)   -> build/facegate_<ver>_<arch>.deb
#
# Layout (prefix /usr in the package):
#   bin/facegate, bin/facegate-cli, bin/facegate-bench, bin/facegate-matchd   the programs
#   lib/systemd/system/facegate-matchd.service   the service's unit (not enabled)
#   bin/facegate-start                  fetches the models on first run, then runs facegate
#   share/applications/facegate.desktop, share/icons/hicolor/scalable/apps/facegate.svg
#   share/facegate/{models.sha256,models.env,fetch-models.sh,postgresql-roles.sql}
#   share/facegate/translations/facegate_{en,es,fr}.qm
#   /etc/facegate/facegate.ini          default configuration (a dpkg conffile)
include_guard(GLOBAL)

set(FACEGATE_DATA_DIR ${CMAKE_INSTALL_DATADIR}/facegate)

# Programs. facegate, facegate-cli and facegate-bench install themselves (app/CMakeLists.txt);
# facegate-matchd is installed here once it is defined (drop this when
# app/CMakeLists.txt gives it its own install rule).
if(TARGET facegate-matchd)
    install(TARGETS facegate-matchd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    # Not enabled by the package: the administrator configures the certificates first.
    install(FILES ${PROJECT_SOURCE_DIR}/installer/facegate-matchd.service DESTINATION lib/systemd/system)
endif()
if(TARGET facegate)
    install(PROGRAMS ${PROJECT_SOURCE_DIR}/installer/facegate-launcher.sh
            DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME facegate-start)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/facegate.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/facegate.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()

# Model pins and the fetcher (fetch-models.sh finds the pins beside itself).
install(FILES ${PROJECT_SOURCE_DIR}/resources/models.sha256
              ${PROJECT_SOURCE_DIR}/resources/models.env
        DESTINATION ${FACEGATE_DATA_DIR})
install(PROGRAMS ${PROJECT_SOURCE_DIR}/installer/fetch-models.sh
        DESTINATION ${FACEGATE_DATA_DIR})
# The PostgreSQL roles (owner and plain role) for a shared records database.
install(FILES ${PROJECT_SOURCE_DIR}/installer/postgresql-roles.sql DESTINATION ${FACEGATE_DATA_DIR})

get_property(qm_files GLOBAL PROPERTY FACEGATE_QM_FILES)
if(qm_files)
    install(FILES ${qm_files} DESTINATION ${FACEGATE_DATA_DIR}/translations)
endif()

# System-wide defaults: /etc/facegate whatever the prefix, as Debian wants.
set(FACEGATE_CONFIG_DIR /etc/facegate)
install(FILES ${PROJECT_SOURCE_DIR}/resources/facegate.ini DESTINATION ${FACEGATE_CONFIG_DIR})

# --- CPack DEB ---------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME facegate)
set(CPACK_PACKAGE_VENDOR "FaceGate engineers")
set(CPACK_PACKAGE_CONTACT "FaceGate engineers <facegate@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "FaceGate captures a traveler's face, matches it against the travel document
photo or the flight gallery with a local matching core, and records the
encounter. The face models are not shipped: facegate-start fetches them with
npm on first run and verifies their pinned SHA-256 hashes.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "FaceGate engineers <facegate@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Libraries the programs link come from dpkg-shlibdeps; the rest is loaded at
# run time or run as a program: the Qt platform and SQLite plugins, npm for
# the first-run model fetch, Qt's own translations for standard buttons.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "nodejs, npm, ca-certificates, qt6-qpa-plugins, qt6-translations-l10n, libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-psql, fonts-dejavu-core")
# /etc/facegate/facegate.ini is a conffile: dpkg keeps an administrator's edits.
file(WRITE ${PROJECT_BINARY_DIR}/cpack/conffiles "${FACEGATE_CONFIG_DIR}/facegate.ini\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_BINARY_DIR}/cpack/conffiles)
set(CPACK_STRIP_FILES OFF)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\.git/")
include(CPack)
