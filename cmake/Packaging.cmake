# Installation layout and the Debian package (CPack's DEB generator):
#   cmake --build --preset release --target package  ->  build/release/sentilens_VERSION_amd64.deb
# Everything the programs read at run time is compiled in (Qt resources: demo material, VADER
# lexicon, translations) or comes from Debian packages named in the dependencies (OpenCV's
# cascades, PocketSphinx's model, espeak-ng and ffmpeg for the demo). What is installed besides
# the two programs is for the desktop and the shell: icons, .desktop entry, MIME type, AppStream
# metadata, manual pages generated from the programs' --help, and bash completion.
# packaging/README.md explains the choices and lintian's remarks.
include(GNUInstallDirs)

set(SENTILENS_APP_ID org.sentilens.sentilens)
# No public home page exists yet: the placeholder is in the reserved .invalid domain, so it can
# never point to someone else's site. Set the real one when publishing.
set(SENTILENS_HOMEPAGE "https://sentilens.invalid" CACHE STRING "Home page URL (AppStream, package); screenshots are under /screenshots/ there")
set(SENTILENS_MAINTAINER "Seed 56000746 maintainers <maintainers@users.noreply.b-seed-56000746.example>"
    CACHE STRING "Maintainer of the Debian package: Name <address>")
set(packaging_dir ${PROJECT_SOURCE_DIR}/packaging)
set(packaging_out ${PROJECT_BINARY_DIR}/packaging)
# Directories created by the installation: the mode Debian policy wants, whatever the umask.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

install(TARGETS sentilens sentilens-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Icons: the SVG, and PNG sizes rendered from it at build time by a small Qt program.
set(icon_svg ${PROJECT_SOURCE_DIR}/resources/icons/${SENTILENS_APP_ID}.svg)
add_executable(sentilens_render_icon ${packaging_dir}/tools/render_icon.cpp)
target_link_libraries(sentilens_render_icon PRIVATE Qt6::Gui Qt6::Svg)
sentilens_warnings(sentilens_render_icon)
set(icon_pngs)
foreach(size 16 22 24 32 48 64 128 256 512)
  set(png ${packaging_out}/icons/${size}x${size}/apps/${SENTILENS_APP_ID}.png)
  add_custom_command(OUTPUT ${png}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${packaging_out}/icons/${size}x${size}/apps
    COMMAND sentilens_render_icon ${icon_svg} ${size} ${png}
    DEPENDS sentilens_render_icon ${icon_svg}
    COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
  list(APPEND icon_pngs ${png})
endforeach()
install(DIRECTORY ${packaging_out}/icons/ DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor)
install(FILES ${icon_svg} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# Desktop entry, MIME type of a project's database, AppStream metadata.
configure_file(${PROJECT_SOURCE_DIR}/resources/desktop/${SENTILENS_APP_ID}.metainfo.xml.in
               ${packaging_out}/${SENTILENS_APP_ID}.metainfo.xml @ONLY)
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/${SENTILENS_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/${SENTILENS_APP_ID}.mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${SENTILENS_APP_ID}.xml)
install(FILES ${packaging_out}/${SENTILENS_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Manual pages and bash completion, generated from the built programs' own --help.
set(man_pages)
foreach(program sentilens sentilens-cli)
  if(program STREQUAL "sentilens")
    set(summary "multimodal sentiment annotation and model inspection")
  else()
    set(summary "headless commands over SentiLens project folders")
  endif()
  set(page ${packaging_out}/man/${program}.1.gz)
  add_custom_command(OUTPUT ${page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${packaging_out}/man
    COMMAND sh ${packaging_dir}/man/make-manpage.sh $<TARGET_FILE:${program}> ${program} ${PROJECT_VERSION}
            ${summary} ${packaging_dir}/man/${program}.extra.roff ${page}
    DEPENDS ${program} ${packaging_dir}/man/make-manpage.sh ${packaging_dir}/man/help2roff.awk
            ${packaging_dir}/man/${program}.extra.roff
    COMMENT "Writing the manual page of ${program} from its --help" VERBATIM)
  list(APPEND man_pages ${page})
endforeach()
install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(completion ${packaging_out}/completion/sentilens-cli)
add_custom_command(OUTPUT ${completion}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${packaging_out}/completion
  COMMAND sh ${packaging_dir}/completion/make-completion.sh $<TARGET_FILE:sentilens-cli> ${completion}
  DEPENDS sentilens-cli ${packaging_dir}/completion/make-completion.sh
  COMMENT "Writing bash completion for sentilens-cli from its --help" VERBATIM)
install(FILES ${completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# Debian's copyright file and (native package) changelog.
set(changelog ${packaging_out}/changelog.gz)
add_custom_command(OUTPUT ${changelog}
  COMMAND sh -c "gzip -9n -c \"$0\" > \"$1\"" ${packaging_dir}/debian/changelog ${changelog}
  DEPENDS ${packaging_dir}/debian/changelog VERBATIM)
install(FILES ${packaging_dir}/debian/copyright ${changelog} DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/sentilens)

add_custom_target(sentilens_desktop_files ALL DEPENDS ${icon_pngs} ${man_pages} ${completion} ${changelog})

# The package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sentilens)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${SENTILENS_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${SENTILENS_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Shared libraries from dpkg-shlibdeps; the rest is what is loaded or run without being linked:
# Qt's SQLite driver (a plugin), OpenCV's cascades, PocketSphinx's model, the demo's speech
# synthesizer and encoder, and OpenBLAS behind LibTorch's libblas.so.3 (the reference BLAS that
# would be there otherwise makes training and explanations 4 to 30 times slower).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, opencv-data, pocketsphinx-en-us, espeak-ng, ffmpeg, libopenblas0-openmp")
# Qt's PostgreSQL driver only for shared projects on a server (init --server); recommended.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, libqt6sql6-psql")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "multimodal sentiment annotation and model inspection")
# CPack puts the summary on the Description line and this text under it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "SentiLens loads video clips of people speaking, extracts language, acoustic
and visual features, runs multimodal sentiment models locally (MIB, KAN-MCP,
CaMIB) and shows what each modality contributes to a prediction: Shapley
values, saliency over time, KAN functions and causal masks. Annotators
correct the text, audio, video and multimodal labels from the keyboard; labels
live in a SQLite project with a full history and feed retraining.
.
The package holds the desktop application (sentilens) and the command line
program (sentilens-cli), which imports and exports MMSA datasets, generates a
demo project, extracts features, trains, evaluates and explains models.")
include(CPack)

# --version of both programs against the versions of the packages CMake found.
add_test(NAME packaging_version
  COMMAND sh ${packaging_dir}/tests/check-version.sh $<TARGET_FILE:sentilens-cli> $<TARGET_FILE:sentilens>
          ${PROJECT_VERSION} ${Torch_VERSION} ${Qt6Core_VERSION} ${OpenCV_VERSION})

# The generated manual pages and bash completion against the program's help (man, bash-completion).
add_test(NAME packaging_docs
  COMMAND bash ${packaging_dir}/tests/check-docs.sh $<TARGET_FILE:sentilens-cli> ${packaging_out}/man/sentilens-cli.1.gz
          ${packaging_out}/man/sentilens.1.gz ${completion})

# The desktop entry and the AppStream metadata as built (validators: desktop-file-utils, appstream).
add_test(NAME packaging_metadata
  COMMAND sh -c "desktop-file-validate \"$0\" && appstreamcli validate --no-net --pedantic \"$1\""
          ${PROJECT_SOURCE_DIR}/resources/desktop/${SENTILENS_APP_ID}.desktop ${packaging_out}/${SENTILENS_APP_ID}.metainfo.xml)
