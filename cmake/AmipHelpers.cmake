# amip_library(NAME x SRCS ... DEPS ...)  -> target amip_x, include root src/
# amip_test(NAME x_test SRCS ... DEPS ...) -> GoogleTest binary registered with CTest
# Warning flags and sanitizer options are applied to every amip target here.

set(AMIP_SOURCE_ROOT ${CMAKE_SOURCE_DIR}/src)

function(amip_apply_flags target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wnon-virtual-dtor -Wimplicit-fallthrough)
  if(AMIP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(AMIP_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined
                           -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

function(amip_library)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_library(amip_${ARG_NAME} STATIC ${ARG_SRCS})
  target_include_directories(amip_${ARG_NAME} PUBLIC ${AMIP_SOURCE_ROOT})
  target_link_libraries(amip_${ARG_NAME} PUBLIC ${ARG_DEPS})
  amip_apply_flags(amip_${ARG_NAME})
endfunction()

function(amip_test)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${ARG_NAME} PRIVATE AMIP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  amip_apply_flags(${ARG_NAME})
  gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60
                       WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                       PROPERTIES ENVIRONMENT "AMIP_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endfunction()

# amip_module(NAME x DEPS ... [TEST_DEPS ...]): library amip_x from every *.cc in the folder
# except *_test.cc, and test binary x_test from the *_test.cc files (if any).
function(amip_module)
  cmake_parse_arguments(ARG "" "NAME" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  list(FILTER srcs EXCLUDE REGEX "_test\\.cc$")
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  amip_library(NAME ${ARG_NAME} SRCS ${srcs} DEPS ${ARG_DEPS})
  if(tests)
    amip_test(NAME ${ARG_NAME}_test SRCS ${tests} DEPS amip_${ARG_NAME} ${ARG_TEST_DEPS})
  endif()
endfunction()
