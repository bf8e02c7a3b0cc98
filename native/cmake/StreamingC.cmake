# Settings every native library of the server shares: C11, a Release build unless told otherwise, warnings as errors,
# and only the symbols a library exports on purpose visible. Included by each library's CMakeLists.txt.
set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE Release)
endif()
add_compile_options(-Wall -Wextra -Werror -fvisibility=hidden)
find_package(Threads REQUIRED)
