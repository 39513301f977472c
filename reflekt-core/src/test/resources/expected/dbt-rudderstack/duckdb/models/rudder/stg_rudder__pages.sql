{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('rudder', 'pages') }}
    where received_at < '2030-01-01'
),

renamed as (
    select
        cast(id as varchar) as page_id,
        cast(original_timestamp as timestamp) as original_tstamp,
        cast(sent_at as timestamp) as sent_at_tstamp,
        cast(received_at as timestamp) as received_at_tstamp,
        cast(timestamp as timestamp) as tstamp,
        cast(anonymous_id as varchar) as anonymous_id,
        cast(user_id as varchar) as user_id,
        cast(channel as varchar) as channel,
        cast(context_library_name as varchar) as library_name,
        cast(context_library_version as varchar) as library_version,
        cast(uuid_ts as timestamp) as uuid_ts,
        cast(path as varchar) as path,
        cast('page' as varchar) as call_type,
        cast('rudder' as varchar) as source_schema,
        cast('pages' as varchar) as source_table,
        cast('shop/Page_Viewed/1-0.json' as varchar) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as varchar) as schema_metadata
    from source
)

select * from renamed
