# Where packaging/install-deps.sh put the npm packages whose data SentiLens builds with
# (packaging/npm-packages.txt): $SENTILENS_NPM_DIR at the first configure, else ~/.cache/sentilens/npm.
include_guard(GLOBAL)
if(DEFINED ENV{SENTILENS_NPM_DIR})
  set(SENTILENS_NPM_DIR_DEFAULT "$ENV{SENTILENS_NPM_DIR}")
else()
  set(SENTILENS_NPM_DIR_DEFAULT "$ENV{HOME}/.cache/sentilens/npm")
endif()
set(SENTILENS_NPM_DIR "${SENTILENS_NPM_DIR_DEFAULT}" CACHE PATH "Where packaging/install-deps.sh put the npm packages")
